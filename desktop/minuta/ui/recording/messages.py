"""What a recording tells the user, in plain, calm words (translatable).

The recorder's events, the live transcript's state and the ways a recording
can fail to start or end become short sentences here; nothing technical
reaches the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from minuta.app.consent import ConsentRequiredError
from minuta.app.recording import FinishedRecording
from minuta.audio.capture import CaptureError, SoundSystemPart, SoundSystemUnavailableError
from minuta.audio.recording_plan import StopReason
from minuta.core.models import ChannelKind, RecordingEvent
from minuta.core.timecode import clock
from minuta.store.errors import StoreError

if TYPE_CHECKING:
    from minuta.transcribe.live_engine import LiveState

_GAP_WORTH_SAYING_S = 1.0  # shorter gaps are a busy moment, not news


class RecordingMessages(QObject):
    """Makes the sentences; a QObject only so that ``tr`` knows their context."""

    def _channel(self, channel: ChannelKind | None) -> str:
        if channel is ChannelKind.SYSTEM:
            return self.tr("The call audio")
        return self.tr("Your microphone")

    def _event_templates(self) -> dict[str, str]:
        return {
            "device_lost": self.tr(
                "{channel} ({device}) stopped sending sound. Recording goes on, and picks it "
                "up again as soon as it is back."
            ),
            "device_reopened": self.tr("{channel} is back ({device})."),
            "device_switched": self.tr(
                "{channel} now comes from {device}, the computer's new default."
            ),
            "gap": self.tr(
                "{channel} missed {seconds} seconds of sound; that moment is silent in the "
                "recording."
            ),
            "mic_silent": self.tr(
                "Your microphone has picked up only silence for a while. Is it muted?"
            ),
            "silence_prompt": self.tr(
                "Nobody has spoken for a long time. Is the meeting over? Stop the recording "
                "when it is."
            ),
            "max_length_reached": self.tr(
                "The recording reached its maximum length, so it stops now."
            ),
        }

    def for_event(self, event: RecordingEvent) -> str:
        """The sentence for a recorder event; "" for events that need no words."""
        length = event.detail.get("length_s", 0.0)
        seconds = float(length) if isinstance(length, int | float) else 0.0
        if event.kind == "gap" and seconds < _GAP_WORTH_SAYING_S:
            return ""
        template = self._event_templates().get(event.kind)
        if template is None:
            return ""
        return template.format(
            channel=self._channel(event.channel),
            device=str(event.detail.get("device", "")),
            seconds=round(seconds),
        )

    def live_state(self, state: LiveState, message: str) -> str:
        """The live transcript's state, when it is worth a word."""
        name = state.value
        if name == "catching_up":
            return self.tr(
                "The live transcript is falling behind, so it shows whole sentences only "
                "for now. The recording is not affected."
            )
        if name == "deferred":
            return self.tr(
                "The computer is busy: some of the live transcript is left for the full "
                "transcript after the meeting. The recording is not affected."
            )
        if name == "failed":
            return self.tr(
                "The live transcript stopped. The recording goes on, and the full transcript "
                "is made when it ends."
            )
        return ""

    def finished(self, finished: FinishedRecording) -> str:
        """Why a recording ended other than as asked; "" when it was stopped."""
        at = clock(finished.duration_s)
        if finished.reason is StopReason.DISK_FULL:
            return self.tr(
                "The disk is full, so the recording stopped at {time}. Everything up to then "
                "is kept: free some space, then restart Minuta to finish saving it."
            ).format(time=at)
        if finished.reason is StopReason.FAILED:
            return self.tr(
                "The recording stopped at {time} because of a problem. Everything up to then "
                "is kept; restart Minuta to finish saving it."
            ).format(time=at)
        if finished.reason is StopReason.MAX_LENGTH:
            return self.tr(
                "The recording reached its maximum length and was stopped at {time}."
            ).format(time=at)
        return ""

    def start_failed(self, exc: Exception) -> str:
        if isinstance(exc, ConsentRequiredError):
            return str(exc)  # the rule's own words, the same everywhere
        if isinstance(exc, SoundSystemUnavailableError):
            return self.sound_system_unavailable(exc.part)
        if isinstance(exc, CaptureError):
            return self.tr(
                "Recording could not start: a sound device is not available. Check that it "
                "is plugged in, or choose the computer's default."
            )
        if isinstance(exc, StoreError):
            return self.tr("Recording could not start: {reason}").format(reason=str(exc))
        if isinstance(exc, OSError):
            return self.tr(
                "Recording could not start: Minuta could not write its files ({reason})."
            ).format(reason=exc.strerror or type(exc).__name__)
        return self.tr("Recording could not start ({problem}).").format(problem=type(exc).__name__)

    def stop_failed(self) -> str:
        return self.tr(
            "The recording could not be saved completely. What was recorded is kept; "
            "restart Minuta to finish saving it."
        )

    def notes_not_saved(self) -> str:
        return self.tr("Your notes could not be saved just now. Minuta tries again as you type.")

    def no_live(self, reason: str) -> str:
        return self.tr(
            "No live transcript this time ({reason}). The recording and the full transcript "
            "afterwards are not affected."
        ).format(reason=reason)

    def sound_system_unavailable(self, part: SoundSystemPart) -> str:
        """The sound system itself is missing: what it means, and what to do."""
        if part is SoundSystemPart.SERVER:
            return self.tr(
                "Minuta can't reach this computer's sound system (PulseAudio or PipeWire), so "
                "it can't record right now. Check that sound works in other programs; if it "
                "does not, log out and back in, or restart the computer. Then try again. Your "
                "meetings can still be opened, searched and imported."
            )
        return self.tr(
            "Minuta can't use this computer's sound system: a part it needs (the PortAudio "
            "library) is missing, so it can't record. Installing Minuta again should bring it "
            "back. Your meetings can still be opened, searched and imported."
        )

    def device_list_problem(self) -> str:
        return self.tr(
            "Minuta could not list the sound devices. Recording uses the computer's default ones."
        )
