#include "LayerModule.h"

#include <ATen/native/ConvUtils.h>

#include <limits>

namespace d3::engine {
namespace {

std::vector<int64_t> dims(const core::TensorShape &s)
{
    return std::vector<int64_t>(s.dims.begin(), s.dims.end());
}

} // namespace

LayerModule::LayerModule(const core::Layer &layer, core::TensorShape inputShape)
    : m_layer(layer)
    , m_inputShape(std::move(inputShape))
{
    for (const core::ParamTensor &p : layer.tensors) {
        const auto options = torch::TensorOptions().dtype(p.integer ? torch::kLong : torch::kFloat);
        at::Tensor t = p.integer ? torch::zeros(dims(p.shape), options) : torch::empty(dims(p.shape), options);
        const std::string name = p.suffix.toStdString();
        if (p.learned)
            register_parameter(name, t, /*requires_grad=*/false);
        else
            register_buffer(name, t);
        m_tensors.emplace_back(p.suffix, t);
        if (p.suffix == QLatin1String("weight"))
            m_weight = t;
        else if (p.suffix == QLatin1String("bias"))
            m_bias = t;
        else if (p.suffix == QLatin1String("running_mean"))
            m_mean = t;
        else if (p.suffix == QLatin1String("running_var"))
            m_var = t;
    }
    eval();
}

at::Tensor LayerModule::forward(const std::vector<at::Tensor> &inputs) const
{
    const core::LayerAttributes &a = m_layer.attributes;
    const at::Tensor &x = inputs.front();
    auto pair = [](core::Pair2 p) { return std::vector<int64_t>{p.h, p.w}; };
    switch (m_layer.op) {
    case core::OpKind::Conv2d:
        return at::conv2d(x, m_weight, m_bias, pair(a.stride), pair(a.padding), pair(a.dilation), a.groups);
    case core::OpKind::BatchNorm2d:
        return at::batch_norm(x, m_weight, m_bias, m_mean, m_var, /*training=*/false, /*momentum=*/0.1, a.eps,
                              at::globalContext().userEnabledCuDNN());
    case core::OpKind::Relu:
        return at::relu(x);
    case core::OpKind::Relu6:
        return at::hardtanh(x, 0.0, 6.0);
    case core::OpKind::LeakyRelu:
        return at::leaky_relu(x, a.negativeSlope);
    case core::OpKind::MaxPool2d:
        return at::max_pool2d(x, pair(a.kernel), pair(a.stride), pair(a.padding), pair(a.dilation), a.ceilMode);
    case core::OpKind::AvgPool2d:
        return at::avg_pool2d(x, pair(a.kernel), pair(a.stride), pair(a.padding), a.ceilMode, a.countIncludePad);
    case core::OpKind::AdaptiveAvgPool2d:
        return at::adaptive_avg_pool2d(x, pair(a.outputSize));
    case core::OpKind::Lrn:
        return torch::nn::functional::local_response_norm(
            x, torch::nn::functional::LocalResponseNormFuncOptions(a.lrnSize).alpha(a.lrnAlpha).beta(a.lrnBeta).k(a.lrnK));
    case core::OpKind::Dropout:
        return x;
    case core::OpKind::Flatten:
        return at::flatten(x, 1);
    case core::OpKind::Linear:
        return at::linear(x, m_weight, m_bias);
    case core::OpKind::Add: {
        at::Tensor sum = inputs[0] + inputs[1];
        for (size_t i = 2; i < inputs.size(); ++i)
            sum = sum + inputs[i];
        return sum;
    }
    case core::OpKind::Concat:
        return at::cat(inputs, 1);
    case core::OpKind::Softmax:
        return at::softmax(x, 1);
    }
    return x;
}

at::Tensor LayerModule::forwardTile(const std::vector<at::Tensor> &inputs, const core::TileStep &step) const
{
    const core::LayerAttributes &a = m_layer.attributes;
    auto pair = [](core::Pair2 p) { return std::vector<int64_t>{p.h, p.w}; };
    const std::vector<int64_t> pads{step.padLeft, step.padRight, step.padTop, step.padBottom};
    const bool padded = step.padLeft || step.padRight || step.padTop || step.padBottom;
    const std::vector<int64_t> none{0, 0};
    switch (m_layer.op) {
    case core::OpKind::Conv2d:
        return convolveTile(padded ? at::constant_pad_nd(inputs.front(), pads, 0.0) : inputs.front());
    case core::OpKind::MaxPool2d: {
        const double lowest = -std::numeric_limits<double>::infinity();
        const at::Tensor x = padded ? at::constant_pad_nd(inputs.front(), pads, lowest) : inputs.front();
        return at::max_pool2d(x, pair(a.kernel), pair(a.stride), none, pair(a.dilation), /*ceil_mode=*/false);
    }
    case core::OpKind::AvgPool2d:
        TORCH_CHECK(!padded, "avgpool2d with padding cannot be tiled");
        return at::avg_pool2d(inputs.front(), pair(a.kernel), pair(a.stride), none, false, a.countIncludePad);
    default:
        return forward(inputs);
    }
}

at::Tensor LayerModule::convolveTile(const at::Tensor &x) const
{
    // LibTorch picks the CPU backend from the input size (and the thread count): for a batch of one, oneDNN for
    // grouped, larger than 3x3 or more than 20480-element inputs, else im2col + GEMM; a tile may fall on the other
    // side. So ask what at::conv2d picks for the whole map now (from a zero-stride view of its shape: only sizes,
    // dtype and device are read) and call that backend as at::_convolution would; unmapped ones go to at::conv2d.
    namespace native = at::native;
    const core::LayerAttributes &a = m_layer.attributes;
    const std::vector<int64_t> stride{a.stride.h, a.stride.w}, padding{a.padding.h, a.padding.w},
        dilation{a.dilation.h, a.dilation.w}, none{0, 0};
    const c10::optional<at::Tensor> bias = m_bias.defined() ? c10::optional<at::Tensor>(m_bias) : c10::nullopt;
    std::vector<int64_t> whole{x.size(0)};
    whole.insert(whole.end(), m_inputShape.dims.begin(), m_inputShape.dims.end());
    const at::Tensor map = at::empty({1}, x.options()).expand(whole);
    switch (native::select_conv_backend(map, m_weight, bias, stride, padding, dilation, false, none, a.groups)) {
    case native::ConvBackend::Mkldnn:
        return at::mkldnn_convolution(x.contiguous(), m_weight.contiguous(), bias, none, stride, dilation, a.groups);
    case native::ConvBackend::Slow2d:
        if (a.groups == 1)
            return at::thnn_conv2d(x.contiguous(), m_weight.contiguous(), m_weight.sizes().slice(2), bias, stride, none);
        break;
    case native::ConvBackend::SlowDilated2d:
        if (a.groups == 1)
            return at::slow_conv_dilated2d(x.contiguous(), m_weight.contiguous(), m_weight.sizes().slice(2), bias,
                                           stride, none, dilation);
        break;
    default:
        break;
    }
    return at::conv2d(x, m_weight, m_bias, stride, none, dilation, a.groups);
}

} // namespace d3::engine
