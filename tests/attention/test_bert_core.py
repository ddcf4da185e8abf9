"""core.attention.bert.bert_attention on a tiny offline BERT (eager attention, output_attentions)."""
import numpy as np
import pytest

from core import InvalidInput
from core.attention import bert as attention_bert


@pytest.fixture(scope="module")
def loaded():
    """The page's own cached loader (shared with the AppTests in this process)."""
    from core import resources

    return resources.attention_untrained_bert()


def test_untrained_encoder_is_marked_and_shaped(loaded):
    assert loaded.untrained
    ma = attention_bert.bert_attention(loaded, "猫が窓のそばで寝ている。")
    assert ma.attn.shape == (4, 4, len(ma.tokens), len(ma.tokens))
    np.testing.assert_allclose(ma.attn.sum(-1), 1.0, rtol=1e-5)
    assert ma.tokens[0] == "[CLS]" and ma.tokens[-1] == "[SEP]" and ma.dropped == 0
    assert ma.special[0] and ma.special[-1] and not any(ma.special[1:-1])


def test_sentence_pair_segments_and_hiding_specials(loaded):
    ma = attention_bert.bert_attention(loaded, "猫が寝る。", "犬が走る。")
    assert ma.tokens.count("[SEP]") == 2
    first_sep = ma.tokens.index("[SEP]")
    assert set(ma.segments[:first_sep + 1]) == {0} and set(ma.segments[first_sep + 1:]) == {1}
    h = ma.without_special()
    assert "[CLS]" not in h.tokens and "[SEP]" not in h.tokens
    assert h.attn.shape[-1] == len(ma.tokens) - 3
    keep = [i for i, s in enumerate(ma.special) if not s]
    np.testing.assert_array_equal(h.attn, ma.attn[:, :, keep][:, :, :, keep])


def test_long_input_is_capped_and_empty_refused(loaded):
    ma = attention_bert.bert_attention(loaded, "猫 " * 600, max_tokens=32)
    assert len(ma.tokens) == 32 and ma.dropped == 602 - 32
    with pytest.raises(InvalidInput):
        attention_bert.bert_attention(loaded, "  ")
