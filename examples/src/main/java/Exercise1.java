import dev.ember.engine.Tensor;
public class Exercise1 {
  public static void main(String[] args) {
    Tensor x = Tensor.scalar(2f).requiresGrad_(true);
    Tensor y = Tensor.scalar(3f).requiresGrad_(true);
    Tensor op1 = x.add(y), op2 = x.mul(y), op3 = op2.pow(op1);   // 6^5
    op3.backward();
    System.out.println(op3.item());                 // 7776.0
    System.out.println(x.grad().item());            // 33372.72 (+-0.01)
    System.out.println(y.grad().item());            // 26892.72 (+-0.01)
    System.out.println(op3.gradFn().name());        // PowBackward1
    System.out.println(op3.gradFn().nextFunctions().size()); // 2
  }
}
