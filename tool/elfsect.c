/* elfsect.c - one named section's bytes from ELF objects, archives, executables and shared
   libraries.

   Read here rather than by libelf, because a damaged file must be an
   error that says what is wrong: libelf takes a file whose section
   headers lie past its end (an object cut short, a bad e_shoff, e_shnum
   0xffff) for one without sections, and gcc-escape link then called it
   "compiled without -fplugin-arg-escape-embed" and exited 0, its
   findings lost.  Here every offset and size a header gives is checked
   against the bytes there really are before it is used.  The file is read
   with pread (or from memory: the fuzz harness in fuzz/), never mapped,
   so one that shrinks meanwhile is an error rather than a SIGBUS.

   Objects, executables and shared libraries are one ELF file each; an
   archive ("!<arch>\n", then a 60-byte header before each member) holds
   one per member.  The linker concatenates same-named sections of all its
   inputs, so an executable's section holds one record per object linked
   into it. */
#include "tool/elfsect.h"
#include "core/base/util.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The largest section name table and section read: a header claiming
   more is damage (records are at most 1 GiB each, tool/records.c). */
#define MAX_NAMES ((uint64_t)256 << 20)
#define MAX_SECTION ((uint64_t)1 << 30)

/* The bytes of one file, or of one archive member inside it. */
struct image {
    int fd; /* -1: in memory */
    const unsigned char *mem;
    uint64_t base, size;
};

static bool damaged(struct esc_section_scan *scan, const char *where, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static bool damaged(struct esc_section_scan *scan, const char *where, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *what = esc_xvasprintf(fmt, ap);
    va_end(ap);
    char *message = esc_xasprintf("%s: %s", where, what);
    scan->damaged(scan->ctx, message);
    free(message);
    free(what);
    return false;
}

/* LEN bytes at OFF of IM into OUT; the caller has checked that they are
   inside IM.  False when the file has shrunk or cannot be read. */
static bool get(struct esc_section_scan *scan, const char *where, const struct image *im,
                uint64_t off, void *out, size_t len)
{
    if (im->fd < 0) {
        memcpy(out, im->mem + im->base + off, len);
        return true;
    }
    unsigned char *p = out;
    off += im->base;
    while (len) {
        ssize_t n = pread(im->fd, p, len, (off_t)off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return damaged(scan, where, "cannot read: %s", strerror(errno));
        if (n == 0)
            return damaged(scan, where, "cut short while being read");
        p += n;
        off += (uint64_t)n;
        len -= (size_t)n;
    }
    return true;
}

/* Whether [OFF, OFF + LEN) lies inside SIZE bytes, without overflow. */
static bool inside(uint64_t off, uint64_t len, uint64_t size)
{
    return off <= size && len <= size - off;
}

/* --- ELF ---------------------------------------------------------------- */

struct elf {
    bool is64, big;
};

static uint64_t get_uint(const struct elf *e, const unsigned char *p, unsigned n)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < n; i++)
        v = v << 8 | p[e->big ? i : n - 1 - i];
    return v;
}

struct shdr {
    uint64_t name, type, flags, offset, size, link;
};

/* Where sh_name, sh_type, sh_flags, sh_offset, sh_size and sh_link are
   in a section header, and how wide: ELF32's, then ELF64's. */
static const unsigned char shdr_fields[2][6][2] = {
    {{0, 4}, {4, 4}, {8, 4}, {16, 4}, {20, 4}, {24, 4}},
    {{0, 4}, {4, 4}, {8, 8}, {24, 8}, {32, 8}, {40, 4}},
};

static struct shdr section_header(const struct elf *e, const unsigned char *p)
{
    uint64_t v[6];
    for (int i = 0; i < 6; i++)
        v[i] = get_uint(e, p + shdr_fields[e->is64][i][0], shdr_fields[e->is64][i][1]);
    return (struct shdr){
        .name = v[0], .type = v[1], .flags = v[2], .offset = v[3], .size = v[4], .link = v[5]};
}

/* Section SCAN->name of the ELF file IM (which starts with ELF's magic),
   named WHERE.  Every section is checked to lie inside the file, not
   only the one wanted: one that does not means the file is cut short. */
static bool read_elf(struct esc_section_scan *scan, const struct image *im, const char *where)
{
    unsigned char hdr[64];
    if (im->size < EI_NIDENT)
        return damaged(scan, where, "truncated: %llu bytes, shorter than an ELF header",
                       (unsigned long long)im->size);
    if (!get(scan, where, im, 0, hdr, EI_NIDENT))
        return false;
    struct elf e = {.is64 = hdr[EI_CLASS] == ELFCLASS64, .big = hdr[EI_DATA] == ELFDATA2MSB};
    if (hdr[EI_CLASS] != ELFCLASS32 && hdr[EI_CLASS] != ELFCLASS64)
        return damaged(scan, where, "damaged: unknown ELF class %u", hdr[EI_CLASS]);
    if (hdr[EI_DATA] != ELFDATA2LSB && hdr[EI_DATA] != ELFDATA2MSB)
        return damaged(scan, where, "damaged: unknown ELF data encoding %u", hdr[EI_DATA]);
    unsigned ehsize = e.is64 ? 64 : 52, entsize = e.is64 ? 64 : 40;
    if (im->size < ehsize)
        return damaged(scan, where, "truncated: %llu bytes, shorter than its ELF header (%u)",
                       (unsigned long long)im->size, ehsize);
    if (!get(scan, where, im, 0, hdr, ehsize))
        return false;
    uint64_t shoff = e.is64 ? get_uint(&e, hdr + 0x28, 8) : get_uint(&e, hdr + 0x20, 4);
    unsigned at = e.is64 ? 0x3A : 0x2E;
    uint64_t shentsize = get_uint(&e, hdr + at, 2), shnum = get_uint(&e, hdr + at + 2, 2),
             shstrndx = get_uint(&e, hdr + at + 4, 2);
    scan->files++;
    if (shoff == 0 && shnum == 0) {
        scan->without++; /* no section headers at all (sstrip): nothing named here */
        return true;
    }
    if (shentsize != entsize)
        return damaged(scan, where,
                       "damaged: section headers of %llu bytes (e_shentsize); ELF%d's are %u",
                       (unsigned long long)shentsize, e.is64 ? 64 : 32, entsize);
    if (!inside(shoff, entsize, im->size))
        return damaged(scan, where,
                       "truncated or damaged: the section headers (e_shoff %llu) start past the "
                       "end of the file (%llu bytes)",
                       (unsigned long long)shoff, (unsigned long long)im->size);
    unsigned char first[64];
    if (!get(scan, where, im, shoff, first, entsize))
        return false;
    struct shdr zero = section_header(&e, first);
    /* More than 0xff00 sections: the count and the name table's index
       are in section 0 (ELF's extended numbering). */
    uint64_t n = shnum ? shnum : zero.size;
    if (shstrndx == SHN_XINDEX)
        shstrndx = zero.link;
    if (n > (im->size - shoff) / entsize)
        return damaged(scan, where,
                       "truncated or damaged: %llu section headers at offset %llu end past the "
                       "end of the file (%llu bytes)",
                       (unsigned long long)n, (unsigned long long)shoff,
                       (unsigned long long)im->size);
    if (n * entsize > MAX_NAMES)
        return damaged(scan, where, "damaged: %llu sections; not believed", (unsigned long long)n);
    if (n <= 1) {
        scan->without++;
        return true;
    }
    if (shstrndx == SHN_UNDEF || shstrndx >= n)
        return damaged(scan, where,
                       "damaged: the section name table's index (e_shstrndx %llu) is not one of "
                       "its %llu sections",
                       (unsigned long long)shstrndx, (unsigned long long)n);
    unsigned char *table = esc_xmalloc(n * entsize);
    if (!get(scan, where, im, shoff, table, n * entsize)) {
        free(table);
        return false;
    }
    struct shdr names = section_header(&e, table + shstrndx * entsize);
    char *strtab = NULL;
    bool ok = true;
    if (names.type != SHT_STRTAB) {
        ok = damaged(scan, where,
                     "damaged: e_shstrndx %llu is a section of type %llu, not a string table",
                     (unsigned long long)shstrndx, (unsigned long long)names.type);
    } else if (!inside(names.offset, names.size, im->size) || names.size > MAX_NAMES) {
        ok = damaged(scan, where,
                     "truncated or damaged: the section name table (%llu bytes at offset %llu) "
                     "ends past the end of the file (%llu bytes)",
                     (unsigned long long)names.size, (unsigned long long)names.offset,
                     (unsigned long long)im->size);
    } else {
        strtab = esc_xmalloc(names.size + 1);
        ok = get(scan, where, im, names.offset, strtab, names.size);
        strtab[names.size] = '\0'; /* a name running off the end stops here, and is checked */
    }
    bool found = false;
    for (uint64_t i = 1; ok && i < n; i++) {
        struct shdr s = section_header(&e, table + i * entsize);
        if (s.type == SHT_NULL)
            continue;
        if (s.name >= names.size || !memchr(strtab + s.name, '\0', names.size - s.name)) {
            ok = damaged(scan, where,
                         "damaged: section %llu's name (offset %llu) is not in the section name "
                         "table (%llu bytes)",
                         (unsigned long long)i, (unsigned long long)s.name,
                         (unsigned long long)names.size);
            break;
        }
        const char *sname = strtab + s.name;
        if (s.type != SHT_NOBITS && !inside(s.offset, s.size, im->size)) {
            ok = damaged(scan, where,
                         "truncated or damaged: section %llu (%s, %llu bytes at offset %llu) ends "
                         "past the end of the file (%llu bytes)",
                         (unsigned long long)i, sname, (unsigned long long)s.size,
                         (unsigned long long)s.offset, (unsigned long long)im->size);
            break;
        }
        if (strcmp(sname, scan->name) != 0)
            continue;
        if (s.type == SHT_NOBITS)
            ok = damaged(scan, where, "section %s has no contents", sname);
        else if (s.flags & SHF_COMPRESSED)
            ok = damaged(scan, where,
                         "section %s is compressed (SHF_COMPRESSED), which gcc-escape "
                         "does not read",
                         sname);
        else if (s.size > MAX_SECTION)
            ok = damaged(scan, where, "section %s of %llu bytes; not believed", sname,
                         (unsigned long long)s.size);
        if (!ok)
            break;
        found = true;
        char *data = esc_xmalloc(s.size + 1);
        if ((ok = get(scan, where, im, s.offset, data, s.size)))
            scan->found(scan->ctx, where, data, s.size);
        free(data);
    }
    free(strtab);
    free(table);
    if (ok && !found)
        scan->without++;
    return ok;
}

/* --- archives ----------------------------------------------------------- */

#define AR_HEADER 60

/* A member header's decimal field of LEN bytes, padded with spaces. */
static bool ar_number(const unsigned char *p, size_t len, uint64_t *out)
{
    uint64_t v = 0;
    size_t i = 0;
    for (; i < len && p[i] >= '0' && p[i] <= '9'; i++) {
        if (v > (UINT64_MAX - 9) / 10)
            return false;
        v = v * 10 + (uint64_t)(p[i] - '0');
    }
    if (i == 0)
        return false;
    for (; i < len; i++)
        if (p[i] != ' ')
            return false;
    *out = v;
    return true;
}

/* The member's name from its header's name field, the GNU long-name
   table LONG (NLONG bytes) if it refers there ("/123"), or a BSD "#1/N"
   name, which takes the first *SKIP bytes of the member's data (read
   from IM at OFF). */
static char *ar_name(struct esc_section_scan *scan, const char *path, const struct image *im,
                     uint64_t off, uint64_t msize, const unsigned char *field, const char *lng,
                     uint64_t nlong, uint64_t *skip)
{
    *skip = 0;
    uint64_t v;
    if (field[0] == '/' && ar_number(field + 1, 15, &v)) {
        if (v < nlong) {
            size_t len = 0;
            while (v + len < nlong && lng[v + len] != '\n' && lng[v + len] != '\0')
                len++;
            if (len && lng[v + len - 1] == '/')
                len--;
            return esc_xasprintf("%.*s", (int)len, lng + v);
        }
        return esc_xasprintf("%.16s", (const char *)field);
    }
    if (memcmp(field, "#1/", 3) == 0 && ar_number(field + 3, 13, &v) && v <= msize && v <= 4096) {
        char *name = esc_xmalloc(v + 1);
        if (!get(scan, path, im, off, name, v)) {
            free(name);
            return NULL;
        }
        name[v] = '\0';
        *skip = v;
        return name;
    }
    size_t len = 16;
    while (len && field[len - 1] == ' ')
        len--;
    if (len > 1 && field[len - 1] == '/')
        len--;
    return esc_xasprintf("%.*s", (int)len, (const char *)field);
}

/* Every member of the archive IM (after its 8-byte magic), named PATH.
   A member that is damaged is reported and the next one read; a header
   that is damaged or cut short ends the walk, as nothing after it can be
   found. */
static bool read_archive(struct esc_section_scan *scan, const struct image *im, const char *path)
{
    bool ok = true;
    char *lng = NULL;
    uint64_t nlong = 0;
    for (uint64_t off = 8; off < im->size;) {
        unsigned char h[AR_HEADER];
        uint64_t msize;
        if (im->size - off < AR_HEADER) {
            ok = damaged(scan, path,
                         "truncated archive: %llu bytes at offset %llu are not a whole member "
                         "header",
                         (unsigned long long)(im->size - off), (unsigned long long)off);
            break;
        }
        if (!get(scan, path, im, off, h, AR_HEADER)) {
            ok = false;
            break;
        }
        if (h[58] != '`' || h[59] != '\n' || !ar_number(h + 48, 10, &msize)) {
            ok = damaged(scan, path, "damaged archive: no member header at offset %llu",
                         (unsigned long long)off);
            break;
        }
        uint64_t data = off + AR_HEADER, skip = 0;
        bool symbols = h[0] == '/' && (h[1] == ' ' || memcmp(h, "/SYM64/ ", 8) == 0);
        bool names = memcmp(h, "// ", 3) == 0;
        char *name = symbols || names
                         ? esc_xstrdup(symbols ? "/" : "//")
                         : ar_name(scan, path, im, data, inside(data, msize, im->size) ? msize : 0,
                                   h, lng, nlong, &skip);
        if (!name) {
            ok = false;
            break;
        }
        char *where = esc_xasprintf("%s(%s)", path, name);
        free(name);
        if (!inside(data, msize, im->size)) {
            ok = damaged(scan, where,
                         "truncated archive: the member's %llu bytes at offset %llu run past the "
                         "end of the archive (%llu bytes)",
                         (unsigned long long)msize, (unsigned long long)data,
                         (unsigned long long)im->size);
            free(where);
            break;
        }
        if (names) {
            free(lng);
            nlong = msize < MAX_NAMES ? msize : 0;
            lng = esc_xmalloc(nlong + 1);
            if (!get(scan, where, im, data, lng, nlong))
                ok = false;
            lng[nlong] = '\0';
        } else if (!symbols) {
            struct image member = {im->fd, im->mem, im->base + data + skip, msize - skip};
            unsigned char magic[SELFMAG];
            if (member.size >= SELFMAG && get(scan, where, &member, 0, magic, SELFMAG) &&
                memcmp(magic, ELFMAG, SELFMAG) == 0)
                ok &= read_elf(scan, &member, where);
            else
                ok = damaged(scan, where, "archive member is not an ELF object");
        }
        free(where);
        /* Members start at even offsets; the last one's padding byte
           may be missing, which ends the loop all the same. */
        off = data + msize + (msize & 1);
    }
    free(lng);
    return ok;
}

static bool read_image(struct esc_section_scan *scan, const struct image *im, const char *where)
{
    unsigned char magic[8];
    size_t n = im->size < sizeof magic ? (size_t)im->size : sizeof magic;
    if (!get(scan, where, im, 0, magic, n))
        return false;
    if (n == 8 && memcmp(magic, "!<arch>\n", 8) == 0)
        return read_archive(scan, im, where);
    if (n == 8 && memcmp(magic, "!<thin>\n", 8) == 0)
        return damaged(scan, where,
                       "a thin archive, whose members are files of their own: give those files");
    if (n >= SELFMAG && memcmp(magic, ELFMAG, SELFMAG) == 0)
        return read_elf(scan, im, where);
    return damaged(scan, where, "not an ELF object, archive, executable or shared library");
}

bool esc_read_sections(struct esc_section_scan *scan, const char *path)
{
    /* O_NONBLOCK: a FIFO with no writer would block the open itself. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return damaged(scan, path, "%s", strerror(errno));
    struct stat st;
    bool ok;
    if (fstat(fd, &st) != 0)
        ok = damaged(scan, path, "%s", strerror(errno));
    else if (S_ISDIR(st.st_mode))
        ok = damaged(scan, path, "%s", strerror(EISDIR));
    else if (!S_ISREG(st.st_mode))
        ok = damaged(scan, path,
                     "not a regular file (a FIFO, a device or a socket); gcc-escape link reads "
                     "objects, archives, executables and shared libraries");
    else {
        struct image im = {fd, NULL, 0, (uint64_t)st.st_size};
        ok = read_image(scan, &im, path);
    }
    close(fd);
    return ok;
}

bool esc_read_sections_mem(struct esc_section_scan *scan, const char *where, const void *data,
                           size_t size)
{
    struct image im = {-1, data, 0, size};
    return read_image(scan, &im, where);
}
