#include "Hash64.h"

#include <cstring>

namespace d3::core {

quint64 Hash64::update(quint64 h, const void *data, qint64 size)
{
    constexpr quint64 k1 = 0x87c37b91114253d5ULL;
    constexpr quint64 k2 = 0x4cf5ad432745937fULL;
    const auto *p = static_cast<const unsigned char *>(data);
    qint64 i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 w;
        std::memcpy(&w, p + i, 8);
        h ^= w * k1;
        h = ((h << 31) | (h >> 33)) * k2;
    }
    quint64 tail = 0;
    std::memcpy(&tail, p + i, size_t(size - i));
    h ^= (tail ^ quint64(size)) * k1;
    return ((h << 31) | (h >> 33)) * k2;
}

} // namespace d3::core
