package dev.flatline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {

    private static final long GB = 1L << 30;

    @Test
    void memoryNeedsTwoGigabytesInAllAndRoomForAKernel() {
        DoctorCheck fine = DoctorCommand.memory(8 * GB, 4 * GB);
        assertTrue(fine.ok(), fine.line());
        assertEquals("ok   memory: 4.0 GB free of 8.0 GB", fine.line());

        DoctorCheck busy = DoctorCommand.memory(8 * GB, GB);
        assertFalse(busy.ok());
        assertTrue(busy.line().startsWith("FIX  memory: 1.0 GB free of 8.0 GB: a kernel may need 1.6 GB."), busy.line());
        assertTrue(busy.line().contains("--heap 768m"), busy.line());

        DoctorCheck small = DoctorCommand.memory(GB, GB);
        assertFalse(small.ok());
        assertTrue(small.line().contains("at least 2.0 GB"), small.line());
    }

    @Test
    void diskNeedsTheRoomAsked(@TempDir Path dir) {
        assertTrue(DoctorCommand.disk("disk", dir, 1).ok());
        DoctorCheck full = DoctorCommand.disk("disk", dir, Long.MAX_VALUE);
        assertFalse(full.ok());
        assertTrue(full.line().startsWith("FIX  disk: ") && full.line().contains("free some space"), full.line());
    }

    @Test
    void cacheFolderMustBeWritable(@TempDir Path dir) throws IOException {
        DoctorCheck fresh = DoctorCommand.cacheFolder(dir.resolve("new/cache"));
        assertTrue(fresh.ok(), fresh.line());
        assertTrue(Files.isDirectory(dir.resolve("new/cache")), "made when missing");
        assertEquals(0, Files.list(dir.resolve("new/cache")).count(), "the probe file is removed");

        Path file = Files.writeString(dir.resolve("a-file"), "x");
        DoctorCheck blocked = DoctorCommand.cacheFolder(file.resolve("cache"));
        assertFalse(blocked.ok());
        assertTrue(blocked.line().startsWith("FIX  JavaCPP cache: " + file.resolve("cache") + " cannot be written"), blocked.line());
        assertTrue(blocked.line().contains("--javacpp-cache DIR"), blocked.line());
    }

    @Test
    void memAvailableIsReadFromMeminfo(@TempDir Path dir) throws IOException {
        Path meminfo = Files.writeString(dir.resolve("meminfo"),
                "MemTotal:       24000000 kB\nMemFree:         1000000 kB\nMemAvailable:    2000000 kB\n");
        assertEquals(Optional.of(2_000_000L * 1024), DoctorCommand.memAvailable(meminfo));
        assertEquals(Optional.empty(), DoctorCommand.memAvailable(dir.resolve("none")));
    }

    @Test
    void nd4jLoadsHere() {
        DoctorCheck nd4j = DoctorCommand.nd4j(Path.of(System.getProperty("user.home"), ".javacpp", "cache"));
        assertTrue(nd4j.ok(), nd4j.line());
        assertTrue(nd4j.line().contains("linux-x86_64"), nd4j.line());
    }
}
