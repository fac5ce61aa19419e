"""The hallucination guards, on hand-made decoder output."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from minuta.transcribe.guards import (
    clean_segments,
    compression_ratio,
    loop_repeats,
    without_doubtful_tail,
)
from minuta.transcribe.segmentation import RawSegment, RawWord


def segment(
    text: str,
    start: float = 0.0,
    *,
    no_speech: float = 0.01,
    logprob: float = -0.2,
    ratio: float | None = None,
    with_words: bool = True,
) -> RawSegment:
    words, t = [], start
    for token in text.split():
        words.append(RawWord(t, t + 0.3, " " + token, 0.9))
        t += 0.4
    return RawSegment(
        start,
        t if words else start,
        " " + text,
        tuple(words) if with_words else (),
        logprob,
        no_speech_prob=no_speech,
        compression_ratio=ratio,
    )


def texts(segments: list[RawSegment]) -> list[str]:
    return [s.text.strip() for s in segments]


def test_confident_speech_passes_unchanged() -> None:
    speech = [segment("We agree on the price."), segment("Send it on Friday.", 3.0)]
    assert clean_segments(speech, language="en") == speech


def test_whispers_no_speech_rule() -> None:
    silent_and_unsure = segment("Og så er det ikke det.", no_speech=0.98, logprob=-1.4)
    silent_but_sure = segment("Yes, that works.", no_speech=0.9, logprob=-0.3)
    unsure_but_speech = segment("Mumbled words here.", no_speech=0.1, logprob=-1.6)
    kept = clean_segments([silent_and_unsure, silent_but_sure, unsure_but_speech], language=None)
    assert kept == [silent_but_sure, unsure_but_speech]


def test_repetitive_text_is_dropped_by_its_compression_ratio() -> None:
    loop = "1,5" + ",5" * 80
    assert compression_ratio(loop) > 2.4
    assert compression_ratio("We agree on the price, and on the date.") < 2.4
    assert clean_segments([segment(loop)], language="en") == []
    given_ratio = segment("A normal looking text.", ratio=3.1)
    assert clean_segments([given_ratio], language="en") == []


def test_subtitle_credits_are_removed_per_language() -> None:
    assert clean_segments([segment("Thank you for watching!")], language="en") == []
    assert clean_segments([segment("Undertekster af Nicolai Winther")], language="da") == []
    assert clean_segments([segment("Tekstning av Nicolai Winther.")], language="no") == []
    assert clean_segments([segment("Untertitel der Amara.org-Community")], language="de") == []
    assert clean_segments([segment("Svensktextning.nu")], language=None) == []
    # English credits leak into every language; Danish ones are only Danish.
    assert clean_segments([segment("Thanks for watching.")], language="da") == []
    danish_credit = segment("Undertekster af Nicolai Winther")
    assert clean_segments([danish_credit], language="en") == [danish_credit]


def test_credit_words_inside_real_sentences_stay() -> None:
    speech = [
        segment("I want to thank you for watching the demo with us."),
        segment("The subtitles by the vendor were late.", 5.0),
        segment("Thank you.", 9.0),
    ]
    assert clean_segments(speech, language="en") == speech


def test_a_credit_sentence_after_speech_is_cut_with_its_words() -> None:
    (kept,) = clean_segments([segment("We are done. Thank you for watching.")], language="en")
    assert kept.text == " We are done."
    assert [w.text for w in kept.words] == [" We", " are", " done."]
    assert kept.end == kept.words[-1].end


def test_silence_answered_with_you_is_dropped_but_not_a_sentence_with_you() -> None:
    assert clean_segments([segment("you")], language="en") == []
    speech = [segment("Who is next? You.")]
    assert clean_segments(speech, language="en") == speech


def test_a_phrase_loop_keeps_one_occurrence_and_consistent_words() -> None:
    (kept,) = clean_segments(
        [segment("So we need to talk about it, talk about it, talk about it, talk about it.")],
        language="en",
    )
    assert kept.text == " So we need to talk about it,"
    assert kept.text == "".join(w.text for w in kept.words)
    assert (kept.start, kept.end) == (kept.words[0].start, kept.words[-1].end)
    assert kept.compression_ratio is None  # recomputed from the new text when needed


def test_a_loop_across_consecutive_segments_keeps_the_first() -> None:
    looping = [segment("I'm sorry.", 0.0), segment("I'm sorry.", 2.0), segment("I'm sorry.", 4.0)]
    after = segment("Where were we?", 6.0)
    assert clean_segments([*looping, after], language="en") == [looping[0], after]


def test_a_word_said_three_times_is_speech_five_times_a_loop() -> None:
    speech = [segment("No, no, no. That is wrong.")]
    assert clean_segments(speech, language="en") == speech
    (kept,) = clean_segments([segment("the the the the the the meeting")], language="en")
    assert kept.text == " the meeting"


def test_a_loop_where_the_decoder_heard_no_speech_is_dropped() -> None:
    music = segment("1 oz. 1 oz. 1 oz. 1 oz.", no_speech=0.79, logprob=-0.71)
    assert clean_segments([music], language=None) == []
    speech = segment("Cheers, cheers, cheers, cheers, cheers, cheers.", no_speech=0.05)
    assert texts(clean_segments([speech], language="en")) == ["Cheers,"]


def test_segments_without_words_are_cleaned_by_their_text() -> None:
    loop = segment("we will see, we will see, we will see, we will see", with_words=False)
    (kept,) = clean_segments([loop], language="en")
    assert kept.text == " we will see,"
    assert kept.words == ()
    assert clean_segments([segment("... ... ...", with_words=False)], language="en") == []


def test_loop_positions() -> None:
    assert loop_repeats(list("ababab")) == {2, 3, 4, 5}
    assert loop_repeats(list("xababababy")) == {3, 4, 5, 6, 7, 8}
    assert loop_repeats(list("aaa")) == set()  # one word needs five in a row
    assert loop_repeats(list("aaaaa")) == {1, 2, 3, 4}
    assert loop_repeats(list("abcabd")) == set()


VOCABULARY = ["yes", "no", "we", "agree", "price.", "send", "it", "Friday.", "ok", "the"]


@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=30),
            st.floats(0.0, 1.0),
            st.floats(-2.0, 0.0),
        ),
        max_size=6,
    )
)
def test_only_whole_words_are_removed_in_order(raw: list[tuple[list[str], float, float]]) -> None:
    segments = [
        segment(" ".join(tokens), 20.0 * n, no_speech=no_speech, logprob=logprob)
        for n, (tokens, no_speech, logprob) in enumerate(raw)
    ]
    cleaned = clean_segments(segments, language="en")
    before = [w for s in segments for w in s.words]
    after = [w for s in cleaned for w in s.words]
    remaining = iter(before)
    assert all(any(w == b for b in remaining) for w in after)  # a subsequence
    for s in cleaned:
        assert s.words and s.text == "".join(w.text for w in s.words)
        assert s.start <= s.words[0].start and s.words[-1].end <= s.end


def tail_words(*items: tuple[str, float]) -> list[RawWord]:
    return [RawWord(i * 0.4, i * 0.4 + 0.3, " " + text, p) for i, (text, p) in enumerate(items)]


def test_a_doubted_word_after_the_last_sentence_is_dropped() -> None:
    words = tail_words(("Open", 0.9), ("on", 0.95), ("Sunday.", 0.95), ("Hey.", 0.03))
    assert [w.text for w in without_doubtful_tail(words)] == [" Open", " on", " Sunday."]
    two = tail_words(("Login", 0.6), ("incorrect.", 0.2), ("I'm", 0.13), ("sorry.", 0.09))
    assert [w.text for w in without_doubtful_tail(two)] == [" Login", " incorrect."]


def test_a_sure_or_unsentenced_last_word_stays() -> None:
    sure = tail_words(("Thanks.", 0.9), ("Yes.", 0.8))
    assert without_doubtful_tail(sure) == sure
    # Not after a sentence end: a hard word of the sentence itself ("unknown caller").
    inside = tail_words(("an", 0.7), ("unknown", 0.9), ("caller.", 0.02))
    assert without_doubtful_tail(inside) == inside
    longer = tail_words(("Done.", 0.9), ("a", 0.1), ("b", 0.1), ("c.", 0.1))
    assert without_doubtful_tail(longer) == longer
    assert without_doubtful_tail(tail_words(("Hey.", 0.01))) == tail_words(("Hey.", 0.01))
