package dev.flatline.kernel;

import java.lang.reflect.Field;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * How a running cell is stopped on JDK 22 and later, where {@code Thread.stop} is gone: JShell's
 * {@code LocalExecutionControl} weaves a call of {@code REPL.$Cancel$.stopCheck()} into every method
 * start and backward branch of cell code, which throws {@link ThreadDeath} once {@code allStop} is set.
 * JShell defines that class in its own {@code invoke}, which {@link CellExecutionControl} replaces, so
 * this class defines it (the same shape as the JDK's) in the cells' class loader and sets the flag.
 * On JDK 17 to 21 the class is defined but nothing calls it: {@code Thread.stop} still works there.
 */
final class CancelFlag {

    /** The class JShell's woven calls name. */
    static final String CLASS_NAME = "REPL.$Cancel$";

    private final Field allStop;

    CancelFlag(CellClassLoaderDelegate loader) {
        try {
            loader.load(new ClassBytecodes[] {new ClassBytecodes(CLASS_NAME, classFile())});
            this.allStop = loader.findClass(CLASS_NAME).getField("allStop");
        } catch (ClassInstallException | ClassNotFoundException | NoSuchFieldException e) {
            throw new IllegalStateException("cannot define " + CLASS_NAME + " for stopping cells: " + e, e);
        }
    }

    /** Makes the woven checks throw: the running cell stops at its next loop turn or call. */
    void raise() {
        set(true);
    }

    /** Lets code run again (before each snippet). */
    void lower() {
        set(false);
    }

    private void set(boolean value) {
        try {
            allStop.setBoolean(null, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot set " + CLASS_NAME + ".allStop", e);
        }
    }

    /** {@code public class $Cancel$ { public static volatile boolean allStop; public static void stopCheck() {...} }}. */
    static byte[] classFile() {
        String internal = CLASS_NAME.replace('.', '/');
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, internal, null, "java/lang/Object", null);
        cw.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_VOLATILE, "allStop", "Z", null, null).visitEnd();
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "stopCheck", "()V", null, null);
        mv.visitCode();
        Label go = new Label();
        mv.visitFieldInsn(Opcodes.GETSTATIC, internal, "allStop", "Z");
        mv.visitJumpInsn(Opcodes.IFEQ, go);
        mv.visitTypeInsn(Opcodes.NEW, "java/lang/ThreadDeath");
        mv.visitInsn(Opcodes.DUP);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/ThreadDeath", "<init>", "()V", false);
        mv.visitInsn(Opcodes.ATHROW);
        mv.visitLabel(go);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
