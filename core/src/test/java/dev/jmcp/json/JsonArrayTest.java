package dev.jmcp.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonArrayTest {
    @Test
    void of_copies_the_list_so_later_changes_to_it_do_not_show() {
        var source = new ArrayList<Json>(List.of(JsonNumber.of(1), new JsonString("a")));
        JsonArray array = JsonArray.of(source);
        source.set(0, JsonNull.NULL);
        source.add(JsonBoolean.TRUE);
        assertThat(array.size()).isEqualTo(2);
        assertThat(array.get(0)).isEqualTo(JsonNumber.of(1));
        assertThat(Json.write(array)).isEqualTo("[1,\"a\"]");
    }

    @Test
    void of_refuses_a_null_element_and_says_what_to_use_instead() {
        assertThatThrownBy(() -> JsonArray.of(Arrays.asList(JsonNumber.of(1), null)))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("JsonNull.NULL");
    }

    @Test
    void items_cannot_be_changed_and_index_errors_name_the_index() {
        JsonArray array = Json.array("x", 2, true);
        assertThatThrownBy(() -> array.items().set(0, JsonNull.NULL)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> array.items().add(JsonNull.NULL)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> array.get(3)).isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("3");
        assertThat(array.items()).containsExactly(new JsonString("x"), JsonNumber.of(2), JsonBoolean.TRUE);
    }

    @Test
    void empty_arrays_from_every_source_are_equal_and_write_the_same() {
        assertThat(JsonArray.of(List.of())).isEqualTo(Json.array()).isEqualTo(Json.parse("[]"));
        assertThat(Json.write(Json.array())).isEqualTo("[]");
        assertThat(Json.array().isEmpty()).isTrue();
    }
}
