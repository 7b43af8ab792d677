package dev.jmcp.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jmcp.json.Json;
import dev.jmcp.json.JsonArray;
import dev.jmcp.json.JsonBoolean;
import dev.jmcp.json.JsonNull;
import dev.jmcp.json.JsonNumber;
import dev.jmcp.json.JsonObject;
import dev.jmcp.json.JsonString;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * jmcp's JSON codec against Jackson 2 on the MCP messages of {@link Fixtures.Message}, UTF-8 bytes in and out.
 *
 * <ul>
 *   <li>{@code parseJmcp}: {@code Json.parse(byte[])}, which builds jmcp's immutable tree.</li>
 *   <li>{@code parseJacksonCore}: jackson-core's streaming parser walks every token and materializes what a consumer
 *       reads: each field name and string as a String, integers as long, decimals as double. It builds no tree, so
 *       it does less than the other two.</li>
 *   <li>{@code parseJacksonTree}: jackson-databind's {@code ObjectMapper.readTree(byte[])}.</li>
 *   <li>{@code writeJmcp}: {@code Json.writeUtf8(tree)}.</li>
 *   <li>{@code writeJacksonCore}: a jackson-core {@code JsonGenerator} writes the same jmcp tree (one walk, one
 *       generator call per token), so only the encoder differs from {@code writeJmcp}.</li>
 *   <li>{@code writeJacksonTree}: {@code ObjectMapper.writeValueAsBytes(JsonNode)}.</li>
 * </ul>
 * Run with {@code -prof gc} for allocation per operation ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmark {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Param({"TOOLS_LIST", "CALL_REQUEST", "CALL_RESULT", "RESOURCE_READ"})
    public Fixtures.Message message;

    private byte[] bytes;
    private Json tree;
    private JsonNode jacksonTree;

    @Setup
    public void setUp() throws IOException {
        bytes = Fixtures.message(message);
        tree = Json.parse(bytes);
        jacksonTree = MAPPER.readTree(bytes);
        // every codec must read and write the same document, or the comparison means nothing
        if (!Json.parse(writeJacksonCore()).equals(tree) || !Json.parse(MAPPER.writeValueAsBytes(jacksonTree)).equals(tree)) {
            throw new IllegalStateException("Jackson and jmcp disagree on " + message);
        }
    }

    @Benchmark
    public Json parseJmcp() {
        return Json.parse(bytes);
    }

    @Benchmark
    public void parseJacksonCore(Blackhole bh) throws IOException {
        try (var parser = FACTORY.createParser(bytes)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                switch (token) {
                    case FIELD_NAME -> bh.consume(parser.currentName());
                    case VALUE_STRING -> bh.consume(parser.getText());
                    case VALUE_NUMBER_INT -> bh.consume(parser.getLongValue());
                    case VALUE_NUMBER_FLOAT -> bh.consume(parser.getDoubleValue());
                    default -> bh.consume(token);
                }
            }
        }
    }

    @Benchmark
    public JsonNode parseJacksonTree() throws IOException {
        return MAPPER.readTree(bytes);
    }

    @Benchmark
    public byte[] writeJmcp() {
        return Json.writeUtf8(tree);
    }

    @Benchmark
    public byte[] writeJacksonCore() throws IOException {
        var out = new ByteArrayBuilder();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(tree, generator);
        }
        return out.toByteArray();
    }

    @Benchmark
    public byte[] writeJacksonTree() throws IOException {
        return MAPPER.writeValueAsBytes(jacksonTree);
    }

    private static void write(Json value, JsonGenerator out) throws IOException {
        switch (value) {
            case JsonObject object -> {
                out.writeStartObject();
                for (Map.Entry<String, Json> member : object.members().entrySet()) {
                    out.writeFieldName(member.getKey());
                    write(member.getValue(), out);
                }
                out.writeEndObject();
            }
            case JsonArray array -> {
                out.writeStartArray();
                for (Json item : array) write(item, out);
                out.writeEndArray();
            }
            case JsonString s -> out.writeString(s.value());
            case JsonNumber n -> {
                if (n.fitsLong()) out.writeNumber(n.longValue()); else out.writeNumber(n.decimalValue());
            }
            case JsonBoolean b -> out.writeBoolean(b.value());
            case JsonNull n -> out.writeNull();
        }
    }
}
