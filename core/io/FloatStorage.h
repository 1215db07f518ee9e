#pragma once

#include <QByteArray>

#include <cstddef>
#include <initializer_list>
#include <vector>

namespace d3::core {

/// The float32 elements of a HostTensor: a vector-like array whose bytes live in a QByteArray, so that a tensor and
/// a frame payload can share them. Copies share their bytes and the first mutation of shared bytes copies them
/// (copy-on-write), so a copy behaves as an independent value, as a std::vector would. adopt() takes elements out
/// of a received buffer without copying them when they are 4-byte aligned. Every non-const accessor (data(),
/// operator[], begin/end) may copy once to make the bytes this storage's own; pointers taken before a mutation of
/// another copy stay valid. Reentrant like QByteArray: copies may be used in different threads.
class FloatStorage
{
public:
    using value_type = float;             ///< element type
    using size_type = std::size_t;        ///< element counts
    using difference_type = std::ptrdiff_t; ///< iterator distance
    using reference = float &;            ///< element reference
    using const_reference = const float &; ///< read-only element reference
    using iterator = float *;             ///< contiguous iterator
    using const_iterator = const float *; ///< read-only contiguous iterator

    /// No elements.
    FloatStorage() = default;
    /// n elements of value.
    explicit FloatStorage(std::size_t n, float value = 0.0f) { assign(n, value); }
    /// The given elements.
    FloatStorage(std::initializer_list<float> values) : FloatStorage(values.begin(), values.size()) {}
    /// A copy of a std::vector's elements (implicit, as call sites used to hold a std::vector<float>).
    FloatStorage(const std::vector<float> &values) : FloatStorage(values.data(), values.size()) {}
    /// A copy of count elements at values.
    FloatStorage(const float *values, std::size_t count);

    /// count elements starting byteOffset bytes into buffer (which must hold them), sharing buffer's bytes when
    /// they are 4-byte aligned (buffer is then kept alive by this storage; later changes to buffer detach it, not
    /// this), copying them otherwise. The elements are in host byte order.
    static FloatStorage adopt(const QByteArray &buffer, qsizetype byteOffset, std::size_t count);
    /// The elements' bytes (host byte order): shared without a copy when this storage spans its whole buffer,
    /// copied out of a larger adopted buffer otherwise.
    QByteArray toByteArray() const;
    /// True when the elements are read from a buffer that something else holds too (a frame payload, another
    /// copy): the next mutation copies them.
    bool isShared() const;

    /// Number of elements.
    std::size_t size() const { return m_size; }
    /// True with no elements.
    bool empty() const { return m_size == 0; }
    /// The elements, read-only (no copy).
    const float *data() const { return reinterpret_cast<const float *>(m_bytes.constData() + m_offset); }
    /// The elements, writable: copies them first if they are shared.
    float *data();
    /// Element i, read-only.
    const float &operator[](std::size_t i) const { return data()[i]; }
    /// Element i, writable (copies shared elements first).
    float &operator[](std::size_t i) { return data()[i]; }
    /// First element, read-only.
    const float *begin() const { return data(); }
    /// Past the last element, read-only.
    const float *end() const { return data() + m_size; }
    /// First element, writable (copies shared elements first).
    float *begin() { return data(); }
    /// Past the last element, writable (copies shared elements first).
    float *end() { return data() + m_size; }
    /// First element, read-only.
    const float *cbegin() const { return begin(); }
    /// Past the last element, read-only.
    const float *cend() const { return end(); }

    /// n elements: the first min(n, size()) kept, the rest value.
    void resize(std::size_t n, float value = 0.0f);
    /// n elements: the first min(n, size()) kept, the rest left uninitialised, for a caller that writes them all
    /// at once (saves the zeroing pass of resize()).
    void resizeForOverwrite(std::size_t n);
    /// n elements of value.
    void assign(std::size_t n, float value);
    /// Appends one element.
    void push_back(float value);
    /// Removes the last element (there must be one).
    void pop_back() { resizeForOverwrite(m_size - 1); }
    /// No elements.
    void clear();

    /// Element-wise equality (as std::vector: 0.0 equals -0.0, NaN equals nothing).
    friend bool operator==(const FloatStorage &a, const FloatStorage &b)
    {
        if (a.m_size != b.m_size)
            return false;
        for (std::size_t i = 0; i < a.m_size; ++i)
            if (!(a.data()[i] == b.data()[i]))
                return false;
        return true;
    }
    /// Element-wise inequality.
    friend bool operator!=(const FloatStorage &a, const FloatStorage &b) { return !(a == b); }

private:
    /// True when the elements are a part of m_bytes, not all of it.
    bool isSlice() const { return m_offset != 0 || m_bytes.size() != qsizetype(m_size * sizeof(float)); }

    QByteArray m_bytes;     // holds the elements from m_offset on (possibly a received buffer shared with others)
    qsizetype m_offset = 0; // bytes before element 0
    std::size_t m_size = 0; // elements
};

} // namespace d3::core
