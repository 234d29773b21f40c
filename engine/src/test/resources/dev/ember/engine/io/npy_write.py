# Writes .npy files with real NumPy for NpyTest: one per case, into the folder given.
import sys
import numpy as np

out = sys.argv[1]
np.save(out + "/f32.npy", np.array([[1.5, -2.0, 3.25], [0.0, -0.0, 1e-45]], dtype=np.float32))
np.save(out + "/f64.npy", np.array([np.pi, -1e300, np.inf], dtype=np.float64))
np.save(out + "/i32.npy", np.array([[-2147483648, 7], [42, 2147483647]], dtype=np.int32))
np.save(out + "/i64.npy", np.arange(24, dtype=np.int64).reshape(2, 3, 4) - 9223372036854775807)
np.save(out + "/bool.npy", np.array([True, False, True]))
np.save(out + "/scalar.npy", np.float32(2.5))
np.save(out + "/empty.npy", np.zeros((0, 4), dtype=np.float32))
np.save(out + "/fortran.npy", np.asfortranarray(np.ones((2, 3), dtype=np.float32)))
np.save(out + "/big_endian.npy", np.array([1, 2], dtype=">f4"))
np.save(out + "/f16.npy", np.array([1, 2], dtype=np.float16))
print("ok")
