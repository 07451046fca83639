package dev.flatline.nn;

import java.util.Map;

/**
 * Evaluates the small subset of CUDA C that {@link KernelFormulas} writes ({@code float} literals,
 * variables, {@code + - * /}, unary minus, comparisons, {@code ?:}, parentheses, {@code expf},
 * {@code tanhf}, {@code fmaxf}, {@code sqrtf}) in {@code float} arithmetic, so a test can run the exact strings a GPU
 * kernel is compiled from. Anything outside the subset is rejected, not guessed.
 */
final class CExpression {
    private final String src;
    private final Map<String, Float> vars;
    private int pos;

    private CExpression(String src, Map<String, Float> vars) {
        this.src = src;
        this.vars = vars;
    }

    /** Runs assignments {@code name = expression} in order, updating {@code variables}. */
    static void run(String[] statements, Map<String, Float> variables) {
        for (String st : statements) {
            int eq = st.indexOf(" = ");
            if (eq < 0) {
                throw new IllegalArgumentException("not an assignment: " + st);
            }
            variables.put(st.substring(0, eq).trim(), eval(st.substring(eq + 3), variables));
        }
    }

    /** The value of {@code expression} with the given variables. */
    static float eval(String expression, Map<String, Float> variables) {
        CExpression e = new CExpression(expression, variables);
        float v = e.ternary();
        e.skip();
        if (e.pos != e.src.length()) {
            throw new IllegalArgumentException("unexpected '" + e.src.substring(e.pos) + "' in " + expression);
        }
        return v;
    }

    private float ternary() {
        float c = comparison();
        skip();
        if (peek('?')) {
            pos++;
            float a = ternary();
            expect(':');
            float b = ternary();
            return c != 0f ? a : b;
        }
        return c;
    }

    private float comparison() {
        float a = sum();
        skip();
        for (String op : new String[] {">=", "<=", "==", ">", "<"}) {
            if (src.startsWith(op, pos)) {
                pos += op.length();
                float b = sum();
                boolean r = switch (op) {
                    case ">=" -> a >= b;
                    case "<=" -> a <= b;
                    case "==" -> a == b;
                    case ">" -> a > b;
                    default -> a < b;
                };
                return r ? 1f : 0f;
            }
        }
        return a;
    }

    private float sum() {
        float a = product();
        while (true) {
            skip();
            if (peek('+')) {
                pos++;
                a = a + product();
            } else if (peek('-')) {
                pos++;
                a = a - product();
            } else {
                return a;
            }
        }
    }

    private float product() {
        float a = unary();
        while (true) {
            skip();
            if (peek('*')) {
                pos++;
                a = a * unary();
            } else if (peek('/')) {
                pos++;
                a = a / unary();
            } else {
                return a;
            }
        }
    }

    private float unary() {
        skip();
        if (peek('-')) {
            pos++;
            return -unary();
        }
        if (peek('(')) {
            pos++;
            float v = ternary();
            expect(')');
            return v;
        }
        int start = pos;
        if (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || ".+-".indexOf(src.charAt(pos)) >= 0
                    && (src.charAt(pos) == '.' || src.charAt(pos - 1) == 'E'))) {
                pos++;
            }
            String literal = src.substring(start, pos);
            if (!literal.endsWith("f")) {
                throw new IllegalArgumentException("double literal " + literal + " in a float kernel: write " + literal + "f");
            }
            return Float.parseFloat(literal.substring(0, literal.length() - 1));
        }
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
        String name = src.substring(start, pos);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("expected a value at '" + src.substring(pos) + "' in " + src);
        }
        skip();
        if (peek('(')) {
            pos++;
            float a = ternary();
            float b = Float.NaN;
            skip();
            if (peek(',')) {
                pos++;
                b = ternary();
            }
            expect(')');
            return switch (name) {
                case "expf" -> (float) Math.exp(a);
                case "tanhf" -> (float) Math.tanh(a);
                case "fmaxf" -> Math.max(a, b);
                case "sqrtf" -> (float) Math.sqrt(a);
                default -> throw new IllegalArgumentException("function " + name + " is outside the checked subset");
            };
        }
        Float v = vars.get(name);
        if (v == null) {
            throw new IllegalArgumentException("unknown variable " + name + " in " + src);
        }
        return v;
    }

    private void skip() {
        while (pos < src.length() && src.charAt(pos) == ' ') {
            pos++;
        }
    }

    private boolean peek(char c) {
        return pos < src.length() && src.charAt(pos) == c;
    }

    private void expect(char c) {
        skip();
        if (!peek(c)) {
            throw new IllegalArgumentException("expected '" + c + "' at " + pos + " in " + src);
        }
        pos++;
    }
}
