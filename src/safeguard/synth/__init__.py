"""The synthetic authority generator: pure Python, deterministic by seed, calibrated to DfE figures.

`generate` builds a `SynthAuthority` of typed records; `calibration.measure` measures it the way
DfE measures a council. Loading into the database is the web layer's job
(`safeguard.web.casework.synth_loader`).
"""

from safeguard.synth.generator import Progress, generate
from safeguard.synth.presets import PRESETS, Preset, preset_named
from safeguard.synth.records import SynthAuthority

__all__ = ["PRESETS", "Preset", "Progress", "SynthAuthority", "generate", "preset_named"]
