package dev.flatline.kernel;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Weaves a call of {@code REPL.$Cancel$.stopCheck()} (see {@link CancelFlag}) at the start of every
 * method of a cell class and before every backward jump, so an interrupted cell stops at its next loop
 * turn or call, inside the learner's own code. JShell does the same from JDK 22 on; doing it on every
 * JDK keeps {@code Thread.stop} a last resort: stopping a thread at an arbitrary point can leave a
 * library class half-initialised ("Could not initialize class ...") for the rest of the session.
 */
final class StopChecks {

    /** JShell weaves these itself from this JDK on. */
    static final int JSHELL_WEAVES_FROM = 22;

    private static final String CANCEL = CancelFlag.CLASS_NAME.replace('.', '/');

    private StopChecks() {
    }

    /** Whether this JDK's JShell already weaves the checks. */
    static boolean wovenByJShell() {
        return Runtime.version().feature() >= JSHELL_WEAVES_FROM;
    }

    /** Weaves the checks into one method on its way to {@code next}. */
    static MethodVisitor weaver(MethodVisitor next) {
        return new MethodVisitor(Opcodes.ASM9, next) {
            private final Set<Label> seen = new HashSet<>();

            @Override
            public void visitCode() {
                super.visitCode();
                check();
            }

            @Override
            public void visitLabel(Label label) {
                seen.add(label);
                super.visitLabel(label);
            }

            @Override
            public void visitJumpInsn(int opcode, Label target) {
                if (seen.contains(target)) {
                    check(); // stack-neutral: the jump's operands are already on the stack and stay there
                }
                super.visitJumpInsn(opcode, target);
            }

            private void check() {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, CANCEL, "stopCheck", "()V", false);
            }
        };
    }
}
