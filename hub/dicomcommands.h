#pragma once

#include "commandsupport.h"

/// `import-dicom`, `import-dicomweb` and `facility dicomweb` (docs/PROTOCOL.md "Images").
QList<Command> dicomCommands();
