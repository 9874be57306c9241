// The GSL headers Sinergi uses, and accessors for GSL's global generator-type pointers.
// Swift 6 cannot read mutable C globals such as `gsl_rng_mt19937` or `gsl_qrng_sobol`
// directly (they are not concurrency-safe), so each one is returned by a prefixed static
// inline function.
#ifndef SINERGI_CGSL_SHIM_H
#define SINERGI_CGSL_SHIM_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_qrng.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_log.h>
#include <gsl/gsl_sf_result.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort_double.h>

/// The Mersenne Twister MT19937 generator type (Matsumoto & Nishimura 1998).
static inline const gsl_rng_type *sinergi_rng_type_mt19937(void) { return gsl_rng_mt19937; }

/// L'Ecuyer's maximally equidistributed Tausworthe generator, taus2 (L'Ecuyer 1999).
static inline const gsl_rng_type *sinergi_rng_type_taus2(void) { return gsl_rng_taus2; }

/// Sobol's quasi-random sequence with Antonov & Saleev's Gray-code ordering and Bratley & Fox's
/// direction numbers (Bratley & Fox 1988, ACM TOMS algorithm 659); at most 40 dimensions.
static inline const gsl_qrng_type *sinergi_qrng_type_sobol(void) { return gsl_qrng_sobol; }

#endif
