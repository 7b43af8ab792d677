/**
 * jmcp's engine: the catalog, the dispatcher and the wire encoding. Public only so that jmcp's own packages can
 * reach it; not API, and it changes without notice.
 */
package dev.jmcp.internal;
