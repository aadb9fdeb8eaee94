#include "hubsession.h"
