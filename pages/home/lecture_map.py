"""The lecture map: every concept of the course → the page and section (tab) showing it.

Each entry is a :class:`Concept`: its chapter, its name and what you do there (core.i18n.Text of
the keys ``home.c.<key>`` and ``home.c.<key>.what`` in core/i18n/home.py), the page file and the
tab's i18n key. A chapter's title is ``home.ch.<n>``.
"""
from __future__ import annotations

from typing import NamedTuple

from core.i18n import Text


class Concept(NamedTuple):
    chapter: str
    name: Text  # the concept (Japanese str; .text(lang) in the UI language)
    page: str
    tab: str  # i18n key of the tab that shows it
    what: Text  # what you do there


def _c(chapter: str, key: str, page: str, tab: str) -> Concept:
    return Concept(chapter, Text(f"home.c.{key}"), page, tab, Text(f"home.c.{key}.what"))


CHAPTERS = ["0", "1", "2", "3", "4", "5", "6"]  # each one's title: the key home.ch.<n>

W2V, LSTM, S2S, ATT, BERT = (f"pages/{p}/page.py" for p in ("word2vec", "lstm", "seq2seq", "attention", "bert"))

BASICS = "pages/basics/page.py"

CONCEPTS = [
    _c("0", "neuron_and_activations", BASICS, "basics.tab.neuron"),
    _c("0", "depth_needs_non_linearity", BASICS, "basics.tab.depth"),
    _c("0", "fully_connected_layer_matrix_product", BASICS, "basics.tab.matmul"),
    _c("0", "softmax_output_layer", BASICS, "basics.tab.softmax"),
    _c("0", "information_entropy_cross_entropy", BASICS, "basics.tab.entropy"),
    _c("0", "gradient_descent_and_sgd", BASICS, "basics.tab.descent"),
    _c("0", "backpropagation_chain_rule", BASICS, "basics.tab.backprop"),
    _c("0", "mlp_on_2d_data", BASICS, "basics.tab.playground"),
    _c("0", "knock_ch8_map", BASICS, "basics.tab.knock"),
    _c("1", "distributional_hypothesis", W2V, "w2v.tab.train"),
    _c("1", "cbow", W2V, "w2v.tab.mechanics"),
    _c("1", "skip_gram", W2V, "w2v.tab.train"),
    _c("1", "negative_sampling", W2V, "w2v.tab.mechanics"),
    _c("1", "similarity_and_neighbours", W2V, "w2v.tab.neighbors"),
    _c("1", "analogy", W2V, "w2v.tab.analogy"),
    _c("1", "t_sne_pca_projection", W2V, "w2v.tab.projection"),
    _c("1", "evaluation", W2V, "w2v.tab.eval"),
    _c("2", "simple_rnn", LSTM, "lstm.tab.forecast"),
    _c("2", "bptt_vanishing_exploding_gradient", LSTM, "lstm.tab.gradients"),
    _c("2", "gradient_clipping", LSTM, "lstm.tab.gradients"),
    _c("3", "lstm_gates", LSTM, "lstm.tab.gates"),
    _c("3", "gru_gates", LSTM, "lstm.tab.gates"),
    _c("3", "comparing_cells", LSTM, "lstm.tab.compare"),
    _c("3", "bidirectional_rnn", LSTM, "lstm.tab.gates"),
    _c("3", "character_level_language_model", LSTM, "lstm.tab.text"),
    _c("4", "seq2seq", S2S, "s2s.tab.train"),
    _c("4", "with_and_without_attention", S2S, "s2s.tab.compare"),
    _c("4", "additive_vs_dot_product", S2S, "s2s.tab.train"),
    _c("4", "attention_weights", S2S, "s2s.tab.translate"),
    _c("4", "soft_vs_hard_attention", ATT, "att.tab.sdpa"),
    _c("5", "scaled_dot_product_attention", ATT, "att.tab.sdpa"),
    _c("5", "masked_decoder", ATT, "att.tab.sdpa"),
    _c("5", "multi_head_attention", ATT, "att.tab.multihead"),
    _c("5", "positional_encoding", ATT, "att.tab.posenc"),
    _c("5", "transformer_self_attention", ATT, "att.tab.bert"),
    _c("5", "encoder_and_decoder_layers_residual", ATT, "att.tab.assemble"),
    _c("5", "parallel_training_vs_generation", ATT, "att.tab.gpt"),
    _c("6", "bert_gpt_and_t5", ATT, "att.tab.family"),
    _c("6", "masked_language_model", BERT, "bert.tab.fillmask"),
    _c("6", "mlm_masking_procedure", BERT, "bert.tab.mlm"),
    _c("6", "next_sentence_prediction", BERT, "bert.tab.mlm"),
    _c("6", "fine_tuning_for_sentiment", BERT, "bert.tab.finetune"),
    _c("6", "sentiment_and_the_word_vector", BERT, "bert.tab.sentiment"),
]

# Sections added for lecture fidelity (issue 16); shown under their chapter after the entries above.
CONCEPTS += [
    _c("1", "count_based_vs_inference_based", W2V, "w2v.tab.count"),
    _c("1", "skip_gram_mechanics_beside_cbow", W2V, "w2v.tab.skipgram"),
    _c("1", "clustering_k_means_ward", W2V, "w2v.tab.cluster"),
    _c("2", "why_gradients_vanish_0_25", LSTM, "lstm.tab.gradients"),
    _c("2", "fixed_window_mlp_vs_rnn", LSTM, "lstm.tab.compare"),
    _c("2", "truncated_bptt", LSTM, "lstm.tab.text"),
    _c("2", "sequence_classification_vs_labelling", LSTM, "lstm.tab.seqtasks"),
    _c("3", "bidirectional_blank_filling", LSTM, "lstm.tab.seqtasks"),
    _c("3", "peephole_lstm", LSTM, "lstm.tab.gates"),
]
CONCEPTS += [
    _c("6", "self_supervised_pre_training", BERT, "bert.tab.mlm"),
    _c("5", "residual_and_layer_norm", ATT, "att.tab.multihead"),
]
CONCEPTS += [
    _c("5", "attention_on_polar_words", BERT, "bert.tab.sentiment"),
]
# Issue 26 (lecture fidelity 3a: NN basics, CNN): the notes' worked examples and the CNN section.
CONCEPTS += [
    _c("0", "softmax_worked_example", BASICS, "basics.tab.softmax"),
    _c("0", "output_layer_and_loss", BASICS, "basics.tab.softmax"),
    _c("0", "cross_entropy_between_two_distributions", BASICS, "basics.tab.entropy"),
    _c("0", "stable_learning_rate_2_curvature", BASICS, "basics.tab.descent"),
    _c("0", "relu_1_vs_0_25", BASICS, "basics.tab.backprop"),
    _c("0", "three_classes_with_a_softmax", BASICS, "basics.tab.playground"),
    _c("0", "knock_ch8_live", BASICS, "basics.tab.knock"),
    _c("0", "convolution_stride_padding_similarity", BASICS, "basics.tab.cnn"),
    _c("0", "cnn_channels_pooling", BASICS, "basics.tab.cnn"),
    _c("0", "cnn_1d_sentences", BASICS, "basics.tab.cnn"),
    _c("1", "cbow_slide_numbers", W2V, "w2v.tab.mechanics"),
    _c("1", "why_negative_sampling_measured_for", W2V, "w2v.tab.mechanics"),
    _c("2", "rnn_loop_unrolled", LSTM, "lstm.tab.gates"),
    _c("3", "lstm_unit_figure", LSTM, "lstm.tab.gates"),
    _c("4", "encoder_decoder_figure_without_and", LSTM, "lstm.tab.gates"),
    _c("2", "bptt_triangle", LSTM, "lstm.tab.gradients"),
    _c("3", "lstm_history_1997_against_vanishing", LSTM, "lstm.tab.gradients"),
]

# Lecture fidelity part 3b (issue 27): seq2seq, attention, Transformer and the BERT family as the
# notes teach them, and the notes' slipped numbers (core/i18n/notes_slips.py), each linked.
CONCEPTS += [
    _c("4", "addition_with_seq2seq_and_input", S2S, "s2s.tab.reversal"),
    _c("4", "additive_vs_dot_product_side", ATT, "att.tab.kinds"),
    _c("4", "attention_as_a_dictionary", ATT, "att.tab.kinds"),
    _c("5", "positional_encodings_compared_sinusoidal", ATT, "att.tab.posenc"),
    _c("5", "heads_that_do_something", ATT, "att.tab.heads"),
    _c("6", "next_sentence_prediction_trained_here", BERT, "bert.tab.pretrain"),
    _c("6", "t5_multitask", S2S, "s2s.tab.multitask"),
    _c("6", "elmo_bert_gpt", ATT, "att.tab.family"),
    _c("6", "pretrained_japanese_gpt", ATT, "att.tab.pgpt"),
]


def _slips() -> list[Concept]:
    """One entry per slip of the notes (core/i18n/notes_slips.py), under its chapter."""
    from core.i18n.notes_slips import SLIPS

    chapter = {"softmax": "0", "xent": "0", "onehot": "1", "lstm_year": "3", "mask": "5", "scale": "5"}
    return [Concept(chapter.get(key, "0"), Text("home.c.slip", notes=Text(f"slip.{key}.notes")), page, tab,
                    Text("home.c.slip.what", exact=Text(f"slip.{key}.exact"), note=Text(f"slip.{key}.note")))
            for key, page, tab in SLIPS]


CONCEPTS += _slips()
