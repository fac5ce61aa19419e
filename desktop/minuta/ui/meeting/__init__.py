"""The meeting view: details, transcript, notes and the audio player.

The main window uses :class:`minuta.ui.meeting.view.MeetingView`.
"""
