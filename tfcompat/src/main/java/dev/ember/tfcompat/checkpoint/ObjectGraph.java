package dev.ember.tfcompat.checkpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code TrackableObjectGraph} a TF2 object-based checkpoint stores under
 * {@code _CHECKPOINTABLE_OBJECT_GRAPH}: node 0 is the root, children are named edges, attributes tie
 * checkpoint keys to the TF variable names ({@code full_name}, e.g. {@code conv2d_transpose/kernel}).
 * Only the fields the importer uses are decoded.
 *
 * @param nodes the objects, node 0 first
 */
public record ObjectGraph(List<Node> nodes) {

    /** A named edge to another node. */
    public record Child(int nodeId, String localName) {
    }

    /** A saved value of a node: {@code name} (e.g. {@code VARIABLE_VALUE}), TF variable name, checkpoint key. */
    public record Attribute(String name, String fullName, String checkpointKey) {
    }

    /** One trackable object. */
    public record Node(List<Child> children, List<Attribute> attributes) {
        public Node {
            children = List.copyOf(children);
            attributes = List.copyOf(attributes);
        }
    }

    public ObjectGraph {
        nodes = List.copyOf(nodes);
    }

    /** checkpoint key -> TF variable name ({@code full_name}), for attributes that have one. */
    public Map<String, String> fullNamesByKey() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Node n : nodes) {
            for (Attribute a : n.attributes()) {
                if (!a.fullName().isEmpty()) {
                    out.put(a.checkpointKey(), a.fullName());
                }
            }
        }
        return out;
    }

    static ObjectGraph decode(byte[] bytes) {
        List<Node> nodes = new ArrayList<>();
        ProtoReader r = new ProtoReader(bytes);
        while (r.next()) {
            if (r.field() == 1) {
                nodes.add(decodeNode(new ProtoReader(r.message())));
            } else {
                r.skip();
            }
        }
        return new ObjectGraph(nodes);
    }

    private static Node decodeNode(ProtoReader r) {
        List<Child> children = new ArrayList<>();
        List<Attribute> attributes = new ArrayList<>();
        while (r.next()) {
            if (r.field() == 1) {
                ProtoReader c = new ProtoReader(r.message());
                int id = 0;
                String local = "";
                while (c.next()) {
                    if (c.field() == 1) {
                        id = c.int32();
                    } else if (c.field() == 2) {
                        local = c.string();
                    } else {
                        c.skip();
                    }
                }
                children.add(new Child(id, local));
            } else if (r.field() == 2) {
                ProtoReader a = new ProtoReader(r.message());
                String[] f = {"", "", ""};
                while (a.next()) {
                    if (a.field() >= 1 && a.field() <= 3) {
                        f[a.field() - 1] = a.string();
                    } else {
                        a.skip();
                    }
                }
                attributes.add(new Attribute(f[0], f[1], f[2]));
            } else {
                r.skip();
            }
        }
        return new Node(children, attributes);
    }

    byte[] encode() {
        ProtoWriter g = new ProtoWriter();
        for (Node n : nodes) {
            ProtoWriter node = new ProtoWriter();
            for (Child c : n.children()) {
                node.message(1, new ProtoWriter().int32(1, c.nodeId()).string(2, c.localName()));
            }
            for (Attribute a : n.attributes()) {
                node.message(2, new ProtoWriter().string(1, a.name()).string(2, a.fullName())
                        .string(3, a.checkpointKey()));
            }
            g.message(1, node);
        }
        return g.toByteArray();
    }
}
