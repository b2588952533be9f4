"""Loads a model saved by rnn4j (e.g. `rnn4j classify train`) into PyTorch and compares its outputs.

MODEL is the model directory (config.json + weights.safetensors). IO is a safetensors file with the
raw input `x` [batch, time, channels] (before scaling), `lengths` (as float) and rnn4j's output
`y`. The weights load with load_state_dict(strict=True) unchanged; the input is scaled with the
scaler in the model card, as rnn4j does; PyTorch's output must equal rnn4j's within 1e-5.
Prints one line; exits 1 on a mismatch.

usage: python3 check_rnn4j_model.py MODEL IO
"""
import json
import os
import sys

import torch

from rnn4j_model import Rnn4jModel
from safetensors_lite import load_file

TOL = 1e-5


def main(model_dir, io_file):
    torch.set_num_threads(1)
    config = json.load(open(os.path.join(model_dir, "config.json")))
    model = Rnn4jModel(config)
    model.load_state_dict(load_file(os.path.join(model_dir, "weights.safetensors")), strict=True)
    model.eval()
    io = load_file(io_file)
    x = io["x"]
    scaler = config.get("card", {}).get("scaler")
    if scaler is not None:  # in double, then rounded to float32, as rnn4j's Standardizer does
        mean = torch.tensor(scaler["mean"], dtype=torch.float64)
        scale = torch.tensor(scaler["scale"], dtype=torch.float64)
        x = ((x.double() - mean) / scale).float()
    with torch.no_grad():
        y = model(x, io["lengths"].long())
    worst = float((y - io["y"]).abs().max())
    ok = worst <= TOL
    print(f"{os.path.basename(os.path.normpath(model_dir))}: {tuple(y.shape)} outputs, "
          f"max |torch - rnn4j| = {worst:.3g} {'ok' if ok else 'MISMATCH'}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
