"""Subword evidence: a SentencePiece model trained on the two texts being aligned.

A joint model trained on both sides gives shared pieces to what the languages
share (names, numbers, cognate stems: ``▁gouvern``), so piece overlap works for
any language pair with shared vocabulary and needs no model file. Training is
in memory, single-threaded with a fixed seed (same input, same pieces), and
quiet. sentencepiece is imported here only, when the evidence is used.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from itertools import chain

import numpy as np

#: Below this many characters of text a model is not worth training: the
#: evidence is skipped (a neutral contribution) and the other evidence decides.
MIN_TRAINING_CHARS = 2000
#: Sentences sampled for training; more only costs time on long documents.
MAX_TRAINING_SENTENCES = 2500
#: Shorter pieces are dropped as evidence.
MIN_PIECE_CHARS = 3
#: Sentences encoded at a time.
_ENCODE_CHUNK = 2000


def _training_sample(sentences: Sequence[str]) -> list[str]:
    texts = [text for text in sentences if text.strip()]
    if len(texts) <= MAX_TRAINING_SENTENCES:
        return texts
    step = len(texts) / MAX_TRAINING_SENTENCES
    return [texts[int(index * step)] for index in range(MAX_TRAINING_SENTENCES)]


Pieces = tuple[np.ndarray, np.ndarray]  # (sentence of each occurrence, piece id), flat


def train_and_encode(source: Sequence[str], target: Sequence[str], *, vocab_size: int
                     ) -> tuple[Pieces, Pieces] | None:
    """Piece ids of every sentence of both sides, flat, or None when the texts are too small.

    The vocabulary shrinks with the text (about one piece per 8 characters of
    training text, at least 200) so that small document pairs still train.
    """
    sample = _training_sample(list(source)) + _training_sample(list(target))
    characters = sum(len(text) for text in sample)
    if characters < MIN_TRAINING_CHARS:
        return None
    import sentencepiece

    vocab = max(200, min(vocab_size, characters // 8))
    model = io.BytesIO()
    sentencepiece.set_random_generator_seed(1)
    try:
        sentencepiece.SentencePieceTrainer.train(
            sentence_iterator=iter(sample),
            model_writer=model,
            vocab_size=vocab,
            model_type="unigram",
            character_coverage=0.9995,
            hard_vocab_limit=False,
            num_threads=1,
            minloglevel=2,
            shuffle_input_sentence=False,
            max_sentence_length=20000,
            split_digits=False,
            bos_id=-1,
            eos_id=-1,
        )
    except RuntimeError:
        return None  # too little or too uniform text for a model: skip the evidence
    processor = sentencepiece.SentencePieceProcessor(model_proto=model.getvalue())
    encode = processor.encode
    # Pieces of one or two letters (and the bare word-start mark) match across
    # languages by chance: only longer pieces are evidence.
    useful = np.array([len(processor.id_to_piece(piece).lstrip("\u2581")) >= MIN_PIECE_CHARS
                       for piece in range(processor.get_piece_size())], dtype=bool)
    sides = []
    for side in (source, target):
        row_chunks, piece_chunks = [], []
        # Chunks: a million piece ids as Python ints at once would cost more than the arrays.
        for begin in range(0, len(side), _ENCODE_CHUNK):
            encoded = encode([text.lower() for text in side[begin:begin + _ENCODE_CHUNK]],
                             out_type=int)
            lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
            pieces = np.fromiter(chain.from_iterable(encoded), dtype=np.int32,
                                 count=int(lengths.sum()))
            del encoded
            rows = np.repeat(np.arange(begin, begin + len(lengths), dtype=np.int32), lengths)
            keep = useful[pieces]
            row_chunks.append(rows[keep])
            piece_chunks.append(pieces[keep])
        sides.append((np.concatenate(row_chunks) if row_chunks else np.zeros(0, np.int32),
                      np.concatenate(piece_chunks) if piece_chunks else np.zeros(0, np.int32)))
    return sides[0], sides[1]
