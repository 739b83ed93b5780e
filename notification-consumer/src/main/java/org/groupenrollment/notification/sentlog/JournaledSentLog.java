package org.groupenrollment.notification.sentlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.groupenrollment.notification.SentLog;

/**
 * The sent log made to survive a killed process at the cost of one file append per email.
 * H2 writes its commits to disk in the background, up to half a second late, and a killed
 * notifier then resent every email whose row was lost when Kafka handed back the records
 * it had not yet committed; making H2 write every commit at once cost more CPU than the
 * rest of the email. Instead each sent notification is also appended to a journal file,
 * which the operating system holds as soon as the append returns. On start the journal is
 * replayed into the database, and it is emptied whenever the database has written
 * everything to disk.
 */
final class JournaledSentLog implements SentLog {

    /**
     * How many appends the journal holds before the database is checkpointed and it is
     * emptied.
     */
    static final int CHECKPOINT_EVERY = 10_000;

    private final JdbcSentLog database;

    private final Path journal;

    /**
     * Listener threads append and insert side by side (shared); a checkpoint waits for
     * them and holds them off while it empties the journal (exclusive), so no row is
     * dropped from the journal before the database has it on disk.
     */
    private final ReadWriteLock checkpointing = new ReentrantReadWriteLock();

    private final AtomicInteger sinceCheckpoint = new AtomicInteger();

    private volatile FileChannel appends;

    JournaledSentLog(JdbcSentLog database, Path journal) {
        this.database = database;
        this.journal = journal;
        replay();
    }

    @Override
    public boolean wasSent(String notificationId) {
        return database.wasSent(notificationId);
    }

    @Override
    public void recordSent(String notificationId, String kind) {
        int journaled;
        checkpointing.readLock().lock();
        try {
            // One write call per line: FileChannel writes do not interleave.
            appends.write(ByteBuffer.wrap((notificationId + '\t' + kind + '\n').getBytes(StandardCharsets.UTF_8)));
            database.recordSent(notificationId, kind);
            journaled = sinceCheckpoint.incrementAndGet();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot append to the sent-log journal " + journal, ex);
        }
        finally {
            checkpointing.readLock().unlock();
        }
        if (journaled >= CHECKPOINT_EVERY) {
            checkpointing.writeLock().lock();
            try {
                // Another thread may have checkpointed while this one waited.
                if (sinceCheckpoint.get() >= CHECKPOINT_EVERY) {
                    checkpoint();
                }
            }
            finally {
                checkpointing.writeLock().unlock();
            }
        }
    }

    private void replay() {
        try {
            Files.createDirectories(journal.getParent());
            if (Files.exists(journal)) {
                List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
                for (String line : lines) {
                    int tab = line.indexOf('\t');
                    // A line cut short by the kill has no kind yet: its email was sent,
                    // so record it.
                    database.recordSent(tab < 0 ? line : line.substring(0, tab),
                            tab < 0 ? "" : line.substring(tab + 1));
                }
            }
            checkpoint();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot replay the sent-log journal " + journal, ex);
        }
    }

    /** Everything in the journal is on disk in the database: start an empty one. */
    private void checkpoint() {
        database.writeToDisk();
        try {
            if (appends != null) {
                appends.close();
            }
            appends = FileChannel.open(journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot start a new sent-log journal " + journal, ex);
        }
        sinceCheckpoint.set(0);
    }

}
