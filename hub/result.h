#pragma once

// The hub's names for the shared value-or-error type (core/renkeiresult.h).
#include "renkeiresult.h"

using Renkei::Failure;
using Renkei::Result;
using Renkei::Status;
using Renkei::success;
