package dev.jmcp;

import java.util.List;
import java.util.Map;

/**
 * Suggests values for one prompt argument or template variable as the user types ({@code completion/complete}).
 * Return the matches in order of preference; jmcp sends the first 100 and says whether there were more.
 */
@FunctionalInterface
public interface Completer {
    /**
     * @param prefix  what the user has typed so far
     * @param context values already chosen for the other arguments
     */
    List<String> complete(String prefix, Map<String, String> context) throws Exception;
}
