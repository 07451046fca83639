package dev.flatline.kernel;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What the kernel changes in each class compiled from a cell before loading it, in one ASM pass:
 * exit calls become errors ({@link ExitCalls}) and loops get stop checks ({@link StopChecks}).
 */
final class CellBytecode {

    private CellBytecode() {
    }

    /**
     * The class ready to load; the same bytes for the stop-check class itself, and when this ASM
     * cannot read the class file (a JDK newer than it knows: the cell then runs unchanged).
     */
    static byte[] prepare(String className, byte[] classFile) {
        if (CancelFlag.CLASS_NAME.equals(className)) {
            return classFile;
        }
        ClassReader reader;
        try {
            reader = new ClassReader(classFile);
        } catch (IllegalArgumentException e) {
            return classFile;
        }
        boolean weave = !StopChecks.wovenByJShell();
        // No frame recomputation: every inserted instruction leaves the stack as it found it.
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
                boolean hasCode = (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
                return ExitCalls.rewriter(weave && hasCode ? StopChecks.weaver(next) : next);
            }
        }, 0);
        return writer.toByteArray();
    }
}
