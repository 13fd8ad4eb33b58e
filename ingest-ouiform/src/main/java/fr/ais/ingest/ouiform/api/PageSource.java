package fr.ais.ingest.ouiform.api;

import java.net.URI;
import java.time.Instant;

/** Where {@link ApiIngestion} gets its pages: the {@link OuiFormApiClient}, or a test's wrapper around it. */
public interface PageSource {

    /** The API's base URL: the identity of the input ({@code api:<base URL>}). */
    URI baseUrl();

    /**
     * One page.
     *
     * @param updatedSince inclusive lower bound of {@code updatedAt}, or null for all; ignored with a cursor
     * @param cursor       the previous page's {@code nextCursor}, or null for the first page of a pass
     * @throws OuiFormApiException when the page cannot be had
     */
    ApiPage fetch(Instant updatedSince, int limit, String cursor);
}
