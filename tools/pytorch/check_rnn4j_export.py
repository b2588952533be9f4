"""Loads state dicts written by rnn4j into PyTorch modules and compares outputs.

For each NAME listed in DIR/CASES: NAME.json (config), NAME.safetensors (rnn4j's parameters) and
NAME.io.safetensors (the input x, optional lengths, and rnn4j's output and h_n [, c_n]).
The state dict must load with load_state_dict(strict=True) unchanged, and PyTorch's outputs must
equal rnn4j's within 1e-5. Prints one line per case; exits 1 on any mismatch.

usage: python3 check_rnn4j_export.py DIR
"""
import json
import os
import sys

import torch
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from export_reference import build
from safetensors_lite import load_file

TOL = 1e-5


def main(d):
    torch.set_num_threads(1)
    failed = 0
    for name in open(os.path.join(d, "CASES")).read().split():
        cfg = json.load(open(os.path.join(d, name + ".json")))
        module = build(cfg["cell"], cfg["input_size"], cfg["hidden_size"], cfg["num_layers"],
                       cfg["bidirectional"], cfg["bias"])
        module.load_state_dict(load_file(os.path.join(d, name + ".safetensors")), strict=True)
        io = load_file(os.path.join(d, name + ".io.safetensors"))
        x = io["x"]
        with torch.no_grad():
            if "lengths" in io:
                lengths = io["lengths"].long()
                packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
                y, state = module(packed)
                y, _ = pad_packed_sequence(y, batch_first=True, total_length=x.shape[1])
            else:
                y, state = module(x)
        got = {"output": y}
        if cfg["cell"] == "lstm":
            got["h_n"], got["c_n"] = state
        else:
            got["h_n"] = state
        worst = max(float((got[k] - io[k]).abs().max()) for k in got)
        ok = worst <= TOL
        failed += not ok
        print(f"{name}: max |torch - rnn4j| = {worst:.3g} {'ok' if ok else 'MISMATCH'}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main(sys.argv[1])
