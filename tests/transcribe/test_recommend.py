"""Recommending a model from the meeting language and the machine."""

from __future__ import annotations

import pytest

from minuta.transcribe.recommend import MachineProfile, estimated_speed_x, recommend

LAPTOP_2_CORES = MachineProfile(cpu_cores=2, ram_mb=8 * 1024)
LAPTOP_4_CORES = MachineProfile(cpu_cores=4, ram_mb=16 * 1024)
SMALL_OLD_PC = MachineProfile(cpu_cores=1, ram_mb=2 * 1024)
WORKSTATION_GPU = MachineProfile(cpu_cores=8, ram_mb=32 * 1024, cuda_devices=1)


@pytest.mark.parametrize(
    ("language", "machine", "expected"),
    [
        ("sv", LAPTOP_2_CORES, "kb-whisper-small"),
        ("sv", LAPTOP_4_CORES, "kb-whisper-medium"),
        ("sv", WORKSTATION_GPU, "kb-whisper-large"),
        ("no", LAPTOP_2_CORES, "nb-whisper-small"),
        ("nn", WORKSTATION_GPU, "nb-whisper-large"),
        ("da", LAPTOP_2_CORES, "small"),
        ("fi", LAPTOP_4_CORES, "large-v3-turbo"),
        ("lt", WORKSTATION_GPU, "large-v3"),
        (None, LAPTOP_2_CORES, "small"),
        ("en", LAPTOP_2_CORES, "distil-medium.en"),
        ("en", WORKSTATION_GPU, "distil-large-v3"),
        ("sv", SMALL_OLD_PC, "kb-whisper-base"),
        ("da", SMALL_OLD_PC, "base"),
    ],
)
def test_the_language_picks_the_family_and_the_machine_the_size(language, machine, expected):
    assert recommend(language, machine).model.name == expected


def test_reasons_name_the_model_family_and_the_machine():
    swedish = recommend("sv", LAPTOP_2_CORES)
    text = " ".join(swedish.reasons)
    assert "KB-Whisper" in text and "National Library of Sweden" in text
    assert "2 CPU cores, 8 GB RAM, no CUDA GPU" in text
    assert "kb-whisper-medium is more accurate but would run only about 2.5x" in text
    assert swedish.estimated_speed_x == pytest.approx(7.0)

    norwegian = " ".join(recommend("no", WORKSTATION_GPU).reasons)
    assert "NB-Whisper" in norwegian and "float16 on the GPU" in norwegian

    danish = " ".join(recommend("da", LAPTOP_2_CORES).reasons)
    assert "no model made for it is curated" in danish


def test_memory_limits_the_choice_even_with_many_cores():
    many_cores_little_memory = MachineProfile(cpu_cores=16, ram_mb=4 * 1024)
    choice = recommend("sv", many_cores_little_memory)
    assert choice.model.name == "kb-whisper-small"
    assert any("memory: too much here" in reason for reason in choice.reasons)


def test_more_cores_and_a_gpu_mean_faster_estimates():
    model = recommend("sv", LAPTOP_2_CORES).model
    speeds = [
        estimated_speed_x(model, machine)
        for machine in (SMALL_OLD_PC, LAPTOP_2_CORES, LAPTOP_4_CORES, WORKSTATION_GPU)
    ]
    assert speeds == sorted(speeds) and len(set(speeds)) == 4


def test_this_machine_is_detected():
    machine = MachineProfile.detect()
    assert machine.cpu_cores >= 1
    assert machine.ram_mb > 256
    assert machine.cuda_devices >= 0
    assert recommend("sv", machine).model.name.startswith("kb-whisper-")
