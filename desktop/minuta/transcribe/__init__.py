"""Speech recognition with faster-whisper."""
