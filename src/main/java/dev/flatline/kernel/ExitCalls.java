package dev.flatline.kernel;

import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites, in the bytecode of a class compiled from a cell, every call of {@code System.exit(int)},
 * {@code Runtime.exit(int)} and {@code Runtime.halt(int)} — direct calls, calls inside lambdas and
 * method references such as {@code System::exit} — into calls of {@link ExitGuard}, which throws.
 *
 * <p>Why bytecode and not the alternatives: a {@code SecurityManager} cannot be installed at all from
 * Java 24 on (JEP 486) and needs {@code -Djava.security.manager=allow} from 18 on; rewriting the
 * cell's <em>source</em> misses {@code Runtime.getRuntime().exit(3)} written through a variable, a
 * helper method or a method reference; a Java agent would patch {@code java.lang.Runtime} for the
 * whole JVM (the kernel's own shut-down included). The kernel already holds each cell class's bytes
 * on their way into the cells' class loader, so rewriting them there catches every form a learner
 * writes, on every JDK, without touching anything else. Not caught: a library (not a cell) that calls
 * {@code System.exit}, and exit reached through reflection.
 */
final class ExitCalls {

    private static final String GUARD = Type.getInternalName(ExitGuard.class);
    private static final String SYSTEM = "java/lang/System";
    private static final String RUNTIME = "java/lang/Runtime";
    private static final String EXIT_DESC = "(I)V";
    private static final String RUNTIME_EXIT_DESC = "(Ljava/lang/Runtime;I)V";

    private ExitCalls() {
    }

    /** Rewrites the exit calls of one method on their way to {@code next}. */
    static MethodVisitor rewriter(MethodVisitor next) {
        return new Rewriter(next);
    }

    /** The guard's replacement for a call, or null when the call is not an exit. */
    private static Handle replacement(int kind, String owner, String name, String descriptor) {
        if (!EXIT_DESC.equals(descriptor)) {
            return null;
        }
        if (SYSTEM.equals(owner) && "exit".equals(name) && kind == Opcodes.H_INVOKESTATIC) {
            return new Handle(Opcodes.H_INVOKESTATIC, GUARD, "exit", EXIT_DESC, false);
        }
        if (RUNTIME.equals(owner) && ("exit".equals(name) || "halt".equals(name)) && kind == Opcodes.H_INVOKEVIRTUAL) {
            return new Handle(Opcodes.H_INVOKESTATIC, GUARD, name, RUNTIME_EXIT_DESC, false);
        }
        return null;
    }

    private static final class Rewriter extends MethodVisitor {

        Rewriter(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            int kind = opcode == Opcodes.INVOKESTATIC ? Opcodes.H_INVOKESTATIC
                    : opcode == Opcodes.INVOKEVIRTUAL ? Opcodes.H_INVOKEVIRTUAL : -1;
            Handle guard = replacement(kind, owner, name, descriptor);
            if (guard == null) {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            } else {
                // runtime.exit(status) leaves (runtime, status) on the stack: exactly the static guard's arguments.
                super.visitMethodInsn(Opcodes.INVOKESTATIC, guard.getOwner(), guard.getName(), guard.getDesc(), false);
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            Object[] rewritten = arguments.clone();
            for (int i = 0; i < rewritten.length; i++) {
                if (rewritten[i] instanceof Handle) {
                    Handle h = (Handle) rewritten[i];
                    Handle guard = replacement(h.getTag(), h.getOwner(), h.getName(), h.getDesc());
                    if (guard != null) {
                        rewritten[i] = guard;
                    }
                }
            }
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, rewritten);
        }

        @Override
        public void visitLdcInsn(Object value) {
            if (value instanceof Handle) {
                Handle h = (Handle) value;
                Handle guard = replacement(h.getTag(), h.getOwner(), h.getName(), h.getDesc());
                super.visitLdcInsn(guard == null ? value : guard);
            } else {
                super.visitLdcInsn(value);
            }
        }
    }
}
