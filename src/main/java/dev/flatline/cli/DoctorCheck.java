package dev.flatline.cli;

/**
 * One line of {@code flatline doctor}'s answer: a prerequisite that is fine, or what to do about it.
 *
 * @param name   what was checked ("ND4J natives", "memory")
 * @param ok     whether it is fine
 * @param detail what was found when fine, what to do when not
 */
record DoctorCheck(String name, boolean ok, String detail) {

    static DoctorCheck ok(String name, String detail) {
        return new DoctorCheck(name, true, detail);
    }

    static DoctorCheck fix(String name, String whatToDo) {
        return new DoctorCheck(name, false, whatToDo);
    }

    /** The printed line; the same layout as the entry script's own checks. */
    String line() {
        return (ok ? "ok   " : "FIX  ") + name + ": " + detail;
    }
}
