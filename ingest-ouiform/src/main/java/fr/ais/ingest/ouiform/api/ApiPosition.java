package fr.ais.ingest.ouiform.api;

import fr.ais.schemas.ConnectorCheckpoint;
import fr.ais.schemas.ConnectorCheckpointKey;
import java.time.Instant;

/**
 * Where the connector stands in the API input, as its checkpoint records it.
 *
 * <p>A pass starts without a cursor, from {@code updatedSince} (null on the very first pass: everything), and
 * follows the cursors to the last page. After a page the checkpoint holds the next cursor; after the last page it
 * is {@code complete} and the next pass starts from the newest {@code updatedAt} published. Counters run over
 * every pass of the input.
 */
final class ApiPosition {

    private String cursor;
    private Instant updatedSince;
    private long pagesDone;
    private boolean complete;
    private long recordsDone;
    private long accepted;
    private long rejected;
    private final NewestVersions newest;

    private ApiPosition(String cursor, Instant updatedSince, long pagesDone, boolean complete, long recordsDone,
            long accepted, long rejected, NewestVersions newest) {
        this.cursor = cursor;
        this.updatedSince = updatedSince;
        this.pagesDone = pagesDone;
        this.complete = complete;
        this.recordsDone = recordsDone;
        this.accepted = accepted;
        this.rejected = rejected;
        this.newest = newest;
    }

    /** Nothing published yet from this input. */
    static ApiPosition first() {
        return new ApiPosition(null, null, 0, false, 0, 0, 0, NewestVersions.none());
    }

    static ApiPosition of(ConnectorCheckpoint checkpoint) {
        return new ApiPosition(checkpoint.getApiCursor(), instant(checkpoint.getApiUpdatedSince()),
                checkpoint.getApiPage() == null ? 0 : checkpoint.getApiPage(), checkpoint.getComplete(),
                checkpoint.getRecordsDone(), checkpoint.getAccepted(), checkpoint.getRejected(),
                new NewestVersions(instant(checkpoint.getApiMaxUpdatedAt()), checkpoint.getApiIdsAtMaxUpdatedAt()));
    }

    /** True when the last pass ended: the next one starts afresh from the newest version published. */
    boolean passEnded() {
        return complete;
    }

    /** Starts a new pass from the newest {@code updatedAt} published (inclusive). */
    void startNextPass() {
        cursor = null;
        updatedSince = newest.newest();
        pagesDone = 0;
        complete = false;
    }

    /** Records a page fully published (in the transaction about to be committed). */
    void pageDone(ApiPage page) {
        pagesDone++;
        cursor = page.nextCursor();
        complete = page.isLast();
    }

    /** The index (1-based, over every pass) the next published item gets. */
    long nextItemIndex() {
        return recordsDone + 1;
    }

    void accepted() {
        recordsDone++;
        accepted++;
    }

    void rejected() {
        recordsDone++;
        rejected++;
    }

    String cursor() {
        return cursor;
    }

    Instant updatedSince() {
        return updatedSince;
    }

    /** The number of the page to fetch next in this pass (1-based). */
    long nextPage() {
        return pagesDone + 1;
    }

    long recordsDone() {
        return recordsDone;
    }

    NewestVersions newest() {
        return newest;
    }

    ConnectorCheckpoint checkpoint(ConnectorCheckpointKey key, long nextSourcePosition, Instant now) {
        Instant newestAt = newest.newest();
        return ConnectorCheckpoint.newBuilder()
                .setConnector(key.getConnector())
                .setInput(key.getInput())
                .setFileName(null)
                .setRecordsDone(recordsDone)
                .setAccepted(accepted)
                .setRejected(rejected)
                .setComplete(complete)
                .setNextSourcePosition(nextSourcePosition)
                .setApiCursor(cursor)
                .setApiUpdatedSince(updatedSince == null ? null : updatedSince.toString())
                .setApiPage(pagesDone)
                .setApiMaxUpdatedAt(newestAt == null ? null : newestAt.toString())
                .setApiIdsAtMaxUpdatedAt(newestAt == null ? null : newest.idsAtNewest())
                .setUpdatedAt(now)
                .build();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
