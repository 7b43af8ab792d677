package dev.jmcp.container;

import java.nio.file.Path;
import java.util.List;

/**
 * The result of {@link ImageBuilder#build}.
 *
 * @param reference    the image name it was written or pushed under
 * @param digest       the manifest digest ({@code sha256:...}); the same inputs give the same digest
 * @param imageId      the config digest, which is what {@code podman images} shows as the image id
 * @param tarball      the OCI tarball, or null when the image was pushed
 * @param pushed       whether it went to a registry
 * @param layers       each layer's name and uncompressed size, in order
 * @param tarballBytes the tarball's size (gzipped layers), or 0 when pushed
 * @param aotReused    whether the AOT cache came from the cache folder rather than a new training run
 */
public record BuiltImage(String reference, String digest, String imageId, Path tarball, boolean pushed,
                         List<Layer> layers, long tarballBytes, boolean aotReused) {

    /** One layer: its name and the bytes of the files in it. */
    public record Layer(String name, long bytes) {
    }

    /** The sum of the layers' uncompressed sizes: what the image takes once unpacked. */
    public long uncompressedBytes() {
        return layers.stream().mapToLong(Layer::bytes).sum();
    }
}
