// Floating-point n-body (the Benchmarks Game's five planets, f64), n steps.
#include "common.h"

#define PI 3.141592653589793
#define SOLAR_MASS (4 * PI * PI)
#define DAYS_PER_YEAR 365.24
#define BODIES 5

typedef struct {
  double x, y, z, vx, vy, vz, mass;
} Body;

static Body bodies[BODIES];

static const Body initial[BODIES] = {
    {0, 0, 0, 0, 0, 0, SOLAR_MASS},
    {4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
     1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
     -6.90460016972063023e-05 * DAYS_PER_YEAR, 9.54791938424326609e-04 * SOLAR_MASS},
    {8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
     -2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
     2.30417297573763929e-05 * DAYS_PER_YEAR, 2.85885980666130812e-04 * SOLAR_MASS},
    {1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
     2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
     -2.96589568540237556e-05 * DAYS_PER_YEAR, 4.36624404335156298e-05 * SOLAR_MASS},
    {1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
     2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
     -9.51592254519715870e-05 * DAYS_PER_YEAR, 5.15138902046611451e-05 * SOLAR_MASS}};

static double square_root(double x) { return __builtin_sqrt(x); }

static double energy(void) {
  double e = 0.0;
  for (int i = 0; i < BODIES; ++i) {
    const Body* b = &bodies[i];
    e += 0.5 * b->mass * (b->vx * b->vx + b->vy * b->vy + b->vz * b->vz);
    for (int j = i + 1; j < BODIES; ++j) {
      const double dx = b->x - bodies[j].x, dy = b->y - bodies[j].y, dz = b->z - bodies[j].z;
      e -= b->mass * bodies[j].mass / square_root(dx * dx + dy * dy + dz * dz);
    }
  }
  return e;
}

static void advance(double dt) {
  for (int i = 0; i < BODIES; ++i) {
    Body* a = &bodies[i];
    for (int j = i + 1; j < BODIES; ++j) {
      Body* b = &bodies[j];
      const double dx = a->x - b->x, dy = a->y - b->y, dz = a->z - b->z;
      const double d2 = dx * dx + dy * dy + dz * dz;
      const double magnitude = dt / (d2 * square_root(d2));
      a->vx -= dx * b->mass * magnitude; a->vy -= dy * b->mass * magnitude;
      a->vz -= dz * b->mass * magnitude;
      b->vx += dx * a->mass * magnitude; b->vy += dy * a->mass * magnitude;
      b->vz += dz * a->mass * magnitude;
    }
  }
  for (int i = 0; i < BODIES; ++i) {
    bodies[i].x += dt * bodies[i].vx;
    bodies[i].y += dt * bodies[i].vy;
    bodies[i].z += dt * bodies[i].vz;
  }
}

EXPORT uint32_t run(uint32_t n) {
  for (int i = 0; i < BODIES; ++i) bodies[i] = initial[i];
  double px = 0, py = 0, pz = 0;
  for (int i = 0; i < BODIES; ++i) {
    px += bodies[i].vx * bodies[i].mass;
    py += bodies[i].vy * bodies[i].mass;
    pz += bodies[i].vz * bodies[i].mass;
  }
  bodies[0].vx = -px / SOLAR_MASS;
  bodies[0].vy = -py / SOLAR_MASS;
  bodies[0].vz = -pz / SOLAR_MASS;
  const double before = energy();
  for (uint32_t step = 0; step < n; ++step) advance(0.01);
  const double after = energy();
  // Rounded to 1e-9: every engine must agree on the IEEE results exactly,
  // but native -ffp-contract could fuse; the build passes -ffp-contract=off.
  return mix32(mix32(MIX_INIT, (uint32_t)(int64_t)(before * -1e9)),
               (uint32_t)(int64_t)(after * -1e9));
}
