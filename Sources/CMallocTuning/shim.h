// glibc's malloc tuning (mallopt and its M_* parameters), which the Glibc module does not
// export. Nothing to link: it is part of the C library. Empty where there is no <malloc.h>.
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif
