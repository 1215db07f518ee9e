// Precompiled header of the engine: the LibTorch headers cost ~25 s per translation unit otherwise.
#pragma once

#include <torch/script.h>
#include <torch/serialize.h>
#include <torch/torch.h>
