#pragma once

#include "result.h"

class Store;

/// Creates the tables of the hub's image store and DICOMweb configuration when they are
/// missing (docs/ARCHITECTURE.md "Images"). Idempotent; called every time a Store opens, so
/// an existing database gains them without a schema version step of its own.
Status ensureDicomSchema(Store &store);
