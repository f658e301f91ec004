package nl.gehoord.db;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database's files are for the server's user only: folders it creates are 0700, the database, its {@code -wal}
 * and {@code -shm} and backups 0600. SQLite gives {@code -wal} and {@code -shm} the mode of the database file, so
 * creating that file first (and tightening an existing one) covers them too.
 */
public final class DataFiles {
    private static final Logger LOG = LoggerFactory.getLogger(DataFiles.class);
    public static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");

    private DataFiles() {
    }

    /** Creates the folder (and missing parents) for the owner only; an existing folder open to others is named. */
    public static void ownerOnlyFolder(Path folder) throws IOException {
        if (!posix(folder)) {
            Files.createDirectories(folder);
            return;
        }
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
            return;
        }
        if (openToOthers(Files.getPosixFilePermissions(folder))) {
            // An operator's folder is not changed behind their back; the files in it are owner-only anyway.
            LOG.warn("the data folder {} can be listed by others; make it owner-only (chmod 700)", folder);
        }
    }

    /** Creates an empty owner-only file, or tightens an existing one to owner-only. */
    public static void ownerOnlyFile(Path file) throws IOException {
        if (!posix(file)) {
            return;
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
        } catch (FileAlreadyExistsException exists) {
            tighten(file);
        }
    }

    /** The database file and, when they exist, its {@code -wal}, {@code -shm} and {@code -journal}: owner-only. */
    public static void sqliteFiles(Path database) throws IOException {
        ownerOnlyFolder(database.toAbsolutePath().getParent());
        ownerOnlyFile(database);
        for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
            Path side = database.resolveSibling(database.getFileName() + suffix);
            if (Files.exists(side)) {
                tighten(side);
            }
        }
    }

    private static void tighten(Path file) throws IOException {
        if (posix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_FILE)
                && openToOthers(Files.getPosixFilePermissions(file))) {
            Files.setPosixFilePermissions(file, OWNER_FILE);
        }
    }

    private static boolean openToOthers(Set<PosixFilePermission> mode) {
        return mode.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"));
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
