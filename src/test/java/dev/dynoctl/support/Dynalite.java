package dev.dynoctl.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@link Emulator} parameter that must be dynalite, the emulator that keeps tables CREATING, UPDATING and
 * DELETING for {@link EmulatorExtension#DYNALITE_DELAY}: for tests of real waiting. Without Node.js and npm such tests
 * are skipped, saying why.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface Dynalite {
}
