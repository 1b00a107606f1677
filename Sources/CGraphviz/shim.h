#ifndef CAREPATH_CGRAPHVIZ_SHIM_H
#define CAREPATH_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#endif
