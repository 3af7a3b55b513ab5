package soc.detect.sigma;

import java.util.Arrays;
import java.util.Comparator;

/** A compiled boolean expression over one event (detection condition, selection, field test...). */
abstract class Node {

    private static final Node[] LEAF = new Node[0];

    abstract boolean eval(EventContext ctx);

    /** The sub-expressions, for walks over the compiled tree (empty for leaves). */
    Node[] children() {
        return LEAF;
    }

    /** Rough relative cost; AND/OR children are evaluated cheapest first (they are side-effect free). */
    abstract int cost();

    static Node[] byCost(Node[] nodes) {
        Node[] copy = nodes.clone();
        Arrays.sort(copy, Comparator.comparingInt(Node::cost));
        return copy;
    }

    static Node and(Node... children) {
        if (children.length == 1) {
            return children[0];
        }
        return new And(byCost(children));
    }

    static Node or(Node... children) {
        if (children.length == 1) {
            return children[0];
        }
        return new Or(byCost(children));
    }

    static final class And extends Node {
        final Node[] children;

        @Override
        Node[] children() {
            return children;
        }
        private final int cost;

        And(Node[] children) {
            this.children = children;
            this.cost = Arrays.stream(children).mapToInt(Node::cost).sum();
        }

        @Override
        boolean eval(EventContext ctx) {
            for (Node n : children) {
                if (!n.eval(ctx)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        int cost() {
            // the first (cheapest) child usually decides: weigh it most
            return children.length == 0 ? 0 : children[0].cost() + (cost - children[0].cost()) / 4;
        }
    }

    static final class Or extends Node {
        final Node[] children;

        @Override
        Node[] children() {
            return children;
        }
        private final int cost;

        Or(Node[] children) {
            this.children = children;
            this.cost = Arrays.stream(children).mapToInt(Node::cost).sum();
        }

        @Override
        boolean eval(EventContext ctx) {
            for (Node n : children) {
                if (n.eval(ctx)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        int cost() {
            return cost;
        }
    }

    /** At least {@code n} children true ({@code N of ...}). */
    static final class AtLeast extends Node {
        final int n;
        final Node[] children;

        @Override
        Node[] children() {
            return children;
        }

        AtLeast(int n, Node[] children) {
            this.n = n;
            this.children = byCost(children);
        }

        @Override
        boolean eval(EventContext ctx) {
            int hits = 0;
            int left = children.length;
            for (Node c : children) {
                left--;
                if (c.eval(ctx) && ++hits >= n) {
                    return true;
                }
                if (hits + left < n) {
                    return false;
                }
            }
            return false;
        }

        @Override
        int cost() {
            return Arrays.stream(children).mapToInt(Node::cost).sum();
        }
    }

    static final class Not extends Node {
        final Node child;

        @Override
        Node[] children() {
            return new Node[] {child};
        }

        Not(Node child) {
            this.child = child;
        }

        @Override
        boolean eval(EventContext ctx) {
            return !child.eval(ctx);
        }

        @Override
        int cost() {
            return child.cost();
        }
    }

    static final class Const extends Node {
        static final Const TRUE = new Const(true);
        static final Const FALSE = new Const(false);
        final boolean value;

        private Const(boolean value) {
            this.value = value;
        }

        @Override
        boolean eval(EventContext ctx) {
            return value;
        }

        @Override
        int cost() {
            return 0;
        }
    }

    /** A field compared with values: false when the field is missing. */
    static final class FieldTest extends Node {
        final FieldRef field;
        ValueTest test; // rewritten once at engine build (needle index), before publication

        FieldTest(FieldRef field, ValueTest test) {
            this.field = field;
            this.test = test;
        }

        @Override
        boolean eval(EventContext ctx) {
            EventValue v = ctx.get(field);
            return !v.missing() && test.test(v, ctx);
        }

        @Override
        int cost() {
            return 1 + test.cost();
        }

        @Override
        public String toString() {
            return field + " " + test;
        }
    }

    /** {@code exists: true/false}, and {@code field: null} (= does not exist). */
    static final class Exists extends Node {
        final FieldRef field;
        final boolean expected;

        Exists(FieldRef field, boolean expected) {
            this.field = field;
            this.expected = expected;
        }

        @Override
        boolean eval(EventContext ctx) {
            return ctx.get(field).missing() != expected;
        }

        @Override
        int cost() {
            return 1;
        }
    }

    /** Keyword (unkeyed) search: true when any searchable value of the event passes the test. */
    static final class Keyword extends Node {
        ValueTest test; // rewritten once at engine build (needle index), before publication

        Keyword(ValueTest test) {
            this.test = test;
        }

        @Override
        boolean eval(EventContext ctx) {
            if (test instanceof ValueTest.NeedleSet || test instanceof ValueTest.Needle) {
                return test.test(null, ctx); // keyword needles scan all searchable values at once
            }
            for (EventValue v : ctx.searchable()) {
                if (test.test(v, ctx)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        int cost() {
            return 50 + test.cost() * 10;
        }
    }
}
