/* A small real tool (busybox style) for the byte-for-byte comparison of a
   `wasm2cpp build` executable with node:wasi. Each applet is the kind of
   thing people compile to WASI: file I/O through the preopen, stdio,
   directory walking, sorting, hashing.

     toolbox sha256sum FILE...   like coreutils sha256sum ("-" = stdin)
     toolbox base64 FILE         like coreutils base64 (76-column lines)
     toolbox wordfreq N FILE...  the N most frequent words (ties by word)
     toolbox walk DIR            recursive listing, sorted, with sizes
     toolbox cp SRC DST          copy a file, then print both sizes
   Errors go to stderr as "toolbox: NAME: strerror" with exit status 1. */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int status = 0;

static void report(const char* name) {
  fprintf(stderr, "toolbox: %s: %s\n", name, strerror(errno));
  status = 1;
}

static FILE* open_input(const char* name) {
  if (strcmp(name, "-") == 0) return stdin;
  FILE* f = fopen(name, "rb");
  if (!f) report(name);
  return f;
}

/* ---- sha256 (FIPS 180-4) ---- */
typedef struct {
  uint32_t h[8];
  uint64_t length;
  unsigned char block[64];
  size_t used;
} Sha256;

static const uint32_t k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
    0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
    0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
    0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
    0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
    0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2};

static uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

static void sha256_block(Sha256* s, const unsigned char* p) {
  uint32_t w[64];
  for (int i = 0; i < 16; ++i)
    w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 |
           p[4 * i + 3];
  for (int i = 16; i < 64; ++i) {
    uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint32_t a = s->h[0], b = s->h[1], c = s->h[2], d = s->h[3], e = s->h[4], f = s->h[5],
           g = s->h[6], h = s->h[7];
  for (int i = 0; i < 64; ++i) {
    uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i];
    uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    h = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
  }
  s->h[0] += a, s->h[1] += b, s->h[2] += c, s->h[3] += d;
  s->h[4] += e, s->h[5] += f, s->h[6] += g, s->h[7] += h;
}

static void sha256_init(Sha256* s) {
  static const uint32_t init[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  memcpy(s->h, init, sizeof init);
  s->length = 0;
  s->used = 0;
}

static void sha256_update(Sha256* s, const unsigned char* p, size_t n) {
  s->length += n;
  while (n > 0) {
    size_t take = 64 - s->used < n ? 64 - s->used : n;
    memcpy(s->block + s->used, p, take);
    s->used += take, p += take, n -= take;
    if (s->used == 64) sha256_block(s, s->block), s->used = 0;
  }
}

static void sha256_final(Sha256* s, unsigned char out[32]) {
  uint64_t bits = s->length * 8;
  unsigned char pad = 0x80, zero = 0, len[8];
  sha256_update(s, &pad, 1);
  while (s->used != 56) sha256_update(s, &zero, 1);
  for (int i = 0; i < 8; ++i) len[i] = (unsigned char)(bits >> (56 - 8 * i));
  sha256_update(s, len, 8);
  for (int i = 0; i < 8; ++i)
    for (int j = 0; j < 4; ++j) out[4 * i + j] = (unsigned char)(s->h[i] >> (24 - 8 * j));
}

static int sha256sum(int argc, char** argv) {
  for (int i = 0; i < argc; ++i) {
    FILE* f = open_input(argv[i]);
    if (!f) continue;
    Sha256 s;
    sha256_init(&s);
    unsigned char buffer[4096], digest[32];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, f)) > 0) sha256_update(&s, buffer, n);
    if (ferror(f)) report(argv[i]);
    if (f != stdin) fclose(f);
    sha256_final(&s, digest);
    for (int j = 0; j < 32; ++j) printf("%02x", digest[j]);
    printf("  %s\n", argv[i]);
  }
  return status;
}

/* ---- base64 ---- */
static int base64(const char* name) {
  static const char alphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  FILE* f = open_input(name);
  if (!f) return status;
  unsigned char in[3];
  size_t n, column = 0;
  while ((n = fread(in, 1, 3, f)) > 0) {
    char out[4];
    uint32_t v = (uint32_t)in[0] << 16 | (n > 1 ? (uint32_t)in[1] << 8 : 0) | (n > 2 ? in[2] : 0);
    for (int i = 0; i < 4; ++i) out[i] = alphabet[(v >> (18 - 6 * i)) & 63];
    if (n < 3) out[3] = '=';
    if (n < 2) out[2] = '=';
    for (int i = 0; i < 4; ++i) {
      putchar(out[i]);
      if (++column == 76) putchar('\n'), column = 0;
    }
    if (n < 3) break;
  }
  if (column) putchar('\n');
  if (f != stdin) fclose(f);
  return status;
}

/* ---- wordfreq ---- */
typedef struct {
  char* word;
  long count;
} Word;

static Word* words;
static size_t word_count, word_capacity;

static void count_word(const char* w) {
  for (size_t i = 0; i < word_count; ++i)
    if (strcmp(words[i].word, w) == 0) return (void)++words[i].count;
  if (word_count == word_capacity) {
    word_capacity = word_capacity ? 2 * word_capacity : 64;
    words = realloc(words, word_capacity * sizeof *words);
  }
  words[word_count].word = strdup(w);
  words[word_count++].count = 1;
}

static int by_count_then_word(const void* a, const void* b) {
  const Word *x = a, *y = b;
  if (x->count != y->count) return x->count > y->count ? -1 : 1;
  return strcmp(x->word, y->word);
}

static int wordfreq(long top, int argc, char** argv) {
  long total = 0;
  for (int i = 0; i < argc; ++i) {
    FILE* f = open_input(argv[i]);
    if (!f) continue;
    char word[64];
    size_t len = 0;
    int c;
    do {
      c = getc(f);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'') {
        if (len + 1 < sizeof word) word[len++] = (char)(c | 0x20);
      } else if (len > 0) {
        word[len] = 0;
        count_word(word);
        ++total;
        len = 0;
      }
    } while (c != EOF);
    if (f != stdin) fclose(f);
  }
  qsort(words, word_count, sizeof *words, by_count_then_word);
  printf("%ld words, %zu distinct\n", total, word_count);
  for (size_t i = 0; i < word_count && (long)i < top; ++i)
    printf("%6ld %5.1f%% %s\n", words[i].count, 100.0 * words[i].count / total, words[i].word);
  return status;
}

/* ---- walk ---- */
static int by_name(const void* a, const void* b) {
  return strcmp(*(char* const*)a, *(char* const*)b);
}

static void walk(const char* path, int depth) {
  DIR* dir = opendir(path);
  if (!dir) return report(path);
  char** names = NULL;
  size_t count = 0;
  struct dirent* entry;
  while ((entry = readdir(dir))) {
    if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) continue;
    names = realloc(names, (count + 1) * sizeof *names);
    names[count++] = strdup(entry->d_name);
  }
  closedir(dir);
  qsort(names, count, sizeof *names, by_name);
  for (size_t i = 0; i < count; ++i) {
    char child[1024];
    snprintf(child, sizeof child, "%s/%s", path, names[i]);
    struct stat st;
    if (lstat(child, &st) != 0) {
      report(child);
    } else if (S_ISDIR(st.st_mode)) {
      printf("%*s%s/\n", 2 * depth, "", names[i]);
      walk(child, depth + 1);
    } else if (S_ISLNK(st.st_mode)) {
      char target[256];
      ssize_t n = readlink(child, target, sizeof target - 1);
      target[n < 0 ? 0 : n] = 0;
      printf("%*s%s -> %s\n", 2 * depth, "", names[i], target);
    } else {
      printf("%*s%s (%lld bytes)\n", 2 * depth, "", names[i], (long long)st.st_size);
    }
    free(names[i]);
  }
  free(names);
}

/* ---- cp ---- */
static int copy(const char* from, const char* to) {
  FILE* in = open_input(from);
  if (!in) return status;
  FILE* out = fopen(to, "wb");
  if (!out) {
    report(to);
    fclose(in);
    return status;
  }
  char buffer[1000];  /* not a power of two: many partial blocks */
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, in)) > 0)
    if (fwrite(buffer, 1, n, out) != n) report(to);
  fclose(in);
  if (fclose(out) != 0) report(to);
  struct stat a, b;
  if (stat(from, &a) == 0 && stat(to, &b) == 0)
    printf("%s: %lld bytes, %s: %lld bytes\n", from, (long long)a.st_size, to,
           (long long)b.st_size);
  return status;
}

int main(int argc, char** argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: toolbox sha256sum|base64|wordfreq|walk|cp ARGS...\n");
    return 2;
  }
  const char* applet = argv[1];
  if (strcmp(applet, "sha256sum") == 0) return sha256sum(argc - 2, argv + 2);
  if (strcmp(applet, "base64") == 0 && argc == 3) return base64(argv[2]);
  if (strcmp(applet, "wordfreq") == 0 && argc >= 3)
    return wordfreq(strtol(argv[2], NULL, 10), argc - 3, argv + 3);
  if (strcmp(applet, "walk") == 0 && argc == 3) {
    printf("%s/\n", argv[2]);
    walk(argv[2], 1);
    return status;
  }
  if (strcmp(applet, "cp") == 0 && argc == 4) return copy(argv[2], argv[3]);
  fprintf(stderr, "toolbox: bad usage of '%s'\n", applet);
  return 2;
}
