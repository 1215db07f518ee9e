#include "FloatStorage.h"

#include <algorithm>
#include <cstring>

namespace d3::core {

FloatStorage::FloatStorage(const float *values, std::size_t count)
    : m_bytes(reinterpret_cast<const char *>(values), qsizetype(count * sizeof(float)))
    , m_size(count)
{
}

FloatStorage FloatStorage::adopt(const QByteArray &buffer, qsizetype byteOffset, std::size_t count)
{
    const char *at = buffer.constData() + byteOffset;
    if (reinterpret_cast<quintptr>(at) % alignof(float) != 0)
        return FloatStorage(reinterpret_cast<const float *>(at), count); // memcpy: no aligned access needed
    FloatStorage s;
    s.m_bytes = buffer;
    s.m_offset = byteOffset;
    s.m_size = count;
    return s;
}

QByteArray FloatStorage::toByteArray() const
{
    if (isSlice())
        return QByteArray(m_bytes.constData() + m_offset, qsizetype(m_size * sizeof(float)));
    return m_bytes;
}

bool FloatStorage::isShared() const
{
    return isSlice() || !m_bytes.isDetached();
}

float *FloatStorage::data()
{
    if (isSlice()) { // a part of a received buffer: make the elements this storage's own
        m_bytes = QByteArray(m_bytes.constData() + m_offset, qsizetype(m_size * sizeof(float)));
        m_offset = 0;
    }
    return reinterpret_cast<float *>(m_bytes.data()); // QByteArray copies bytes shared with another copy first
}

void FloatStorage::resizeForOverwrite(std::size_t n)
{
    if (n == m_size)
        return;
    if (isSlice()) {
        const std::size_t kept = std::min(n, m_size);
        m_bytes = QByteArray(m_bytes.constData() + m_offset, qsizetype(kept * sizeof(float)));
        m_offset = 0;
    }
    m_bytes.resize(qsizetype(n * sizeof(float)));
    m_size = n;
}

void FloatStorage::resize(std::size_t n, float value)
{
    const std::size_t old = m_size;
    resizeForOverwrite(n);
    if (n > old)
        std::fill(data() + old, data() + n, value);
}

void FloatStorage::assign(std::size_t n, float value)
{
    clear();
    resize(n, value);
}

void FloatStorage::push_back(float value)
{
    resize(m_size + 1, value);
}

void FloatStorage::clear()
{
    m_bytes = QByteArray();
    m_offset = 0;
    m_size = 0;
}

} // namespace d3::core
