package dev.dynoctl.build;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Build step (run by Maven on the shaded jar, with ASM on the class path): rewrites the jar's classes for the class
 * cache every run maps (the AppCDS archive on Java 17-24, the JDK's AOT cache on 25 or newer; see the launcher).
 * <ul>
 * <li>Every class loses its local variable tables, which only debuggers read: the cache copies each class's metadata
 * and every run maps the whole of it, so what a class carries for nobody is memory every run holds (about 1 MB of a
 * create-table's). Line numbers and source file names stay, so stack traces keep their lines; the constant pool is
 * written afresh, without the names only those tables used.</li>
 * <li>Classes compiled for Java 5 (picocli's) become Java 6 classes with stack map frames, computed by ASM against the
 * jar's own classes. JDK 25's AOT cache stores no linked class older than Java 6, so without this about 230 classes of
 * every run (picocli's and dynoctl's that implement its interfaces) load from the jar: create-table on Java 25 takes
 * 0.27 s instead of 0.32 s. On Java 17 the archive's copies need no verification at each run any more (0.15 s instead
 * of 0.16 s for --version). The JVM verifies them as it verifies any class; a launcher test links them all.</li>
 * </ul>
 * Entries keep their order and times. On the shaded jar of 2026-12-01: 7338 classes, 33.0 -> 28.4 MB of class files.
 *
 * <pre>java -cp asm.jar src/build/java/dev/dynoctl/build/CacheReadyClasses.java JAR</pre>
 * (Run as a source file; Java 22 and newer launch one only from a path that matches its package.)
 */
public final class CacheReadyClasses {
    private CacheReadyClasses() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: CacheReadyClasses JAR");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        Path rewritten = jar.resolveSibling(jar.getFileName() + ".rewritten");
        // The jar's own classes, for the common superclasses that frames name; none is initialized.
        try (URLClassLoader hierarchy = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
                ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rewritten))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().endsWith(".class")) {
                    bytes = rewrite(bytes, hierarchy);
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING); // silent: builds run with -q print nothing
    }

    static byte[] rewrite(byte[] classFile, ClassLoader hierarchy) {
        ClassReader reader = new ClassReader(classFile);
        boolean java5 = reader.readUnsignedShort(6) < Opcodes.V1_6; // the class file's major version
        // Not given the reader: a fresh constant pool. Frames are copied as read, or computed for a Java 5 class.
        ClassWriter writer = java5 ? new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return hierarchy;
            }
        } : new ClassWriter(0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                super.visit(java5 ? Opcodes.V1_6 : version, access, name, signature, superName, interfaces);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                    @Override
                    public void visitLocalVariable(String variable, String type, String typeSignature, Label start, Label end,
                            int index) {
                        // LocalVariableTable and LocalVariableTypeTable entries: left out
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }
}
