#include "LayerModule.h"

#include <ATen/native/ConvUtils.h>

#include <limits>

namespace d3::engine {
namespace {

std::vector<int64_t> dims(const core::TensorShape &s)
{
    return std::vector<int64_t>(s.dims.begin(), s.dims.end());
}

/// The torch dimensions of format dimensions (which count from the first one after the batch).
std::vector<int64_t> torchDims(const QVector<int> &formatDims)
{
    std::vector<int64_t> out;
    for (int d : formatDims)
        out.push_back(d + 1);
    return out;
}

/// A format shape with the batch dimension of one in front.
std::vector<int64_t> batched(const QVector<qint64> &shape)
{
    std::vector<int64_t> out{1};
    out.insert(out.end(), shape.begin(), shape.end());
    return out;
}

/// add, sub, mul or div as PyTorch's operators compute them (Python's `scalar / x` is x.reciprocal() * scalar).
at::Tensor arithmetic(core::OpKind op, const core::LayerAttributes &a, const std::vector<at::Tensor> &inputs)
{
    const at::Tensor &x = inputs.front();
    if (a.hasScalar) {
        switch (op) {
        case core::OpKind::Add:
            return at::add(x, a.scalar);
        case core::OpKind::Sub:
            return a.reverse ? at::rsub(x, a.scalar) : at::sub(x, a.scalar);
        case core::OpKind::Mul:
            return at::mul(x, a.scalar);
        default:
            return a.reverse ? at::mul(at::reciprocal(x), a.scalar) : at::div(x, a.scalar);
        }
    }
    switch (op) {
    case core::OpKind::Add: {
        at::Tensor sum = inputs[0] + inputs[1];
        for (size_t i = 2; i < inputs.size(); ++i)
            sum = sum + inputs[i];
        return sum;
    }
    case core::OpKind::Sub:
        return at::sub(inputs[0], inputs[1]);
    case core::OpKind::Mul:
        return at::mul(inputs[0], inputs[1]);
    default:
        return at::div(inputs[0], inputs[1]);
    }
}

} // namespace

LayerModule::LayerModule(const core::Layer &layer, core::TensorShape inputShape)
    : m_layer(layer)
    , m_inputShape(std::move(inputShape))
{
    for (const core::ParamTensor &p : layer.tensors) {
        const auto options = torch::TensorOptions().dtype(p.integer ? torch::kLong : torch::kFloat);
        at::Tensor t = p.integer ? torch::zeros(dims(p.shape), options) : torch::empty(dims(p.shape), options);
        // torch::nn::Module names may not contain dots ("out_proj.weight"); the state_dict key stays p.key.
        const std::string name = p.suffix.isEmpty() ? std::string("value")
                                                    : QString(p.suffix).replace(QLatin1Char('.'), QLatin1Char('_')).toStdString();
        if (p.learned)
            register_parameter(name, t, /*requires_grad=*/false);
        else
            register_buffer(name, t);
        m_tensors.emplace_back(p, t);
        if (p.suffix == QLatin1String("weight") || p.suffix == QLatin1String("in_proj_weight") || p.suffix.isEmpty())
            m_weight = t;
        else if (p.suffix == QLatin1String("bias") || p.suffix == QLatin1String("in_proj_bias"))
            m_bias = t;
        else if (p.suffix == QLatin1String("running_mean"))
            m_mean = t;
        else if (p.suffix == QLatin1String("running_var"))
            m_var = t;
        else if (p.suffix == QLatin1String("out_proj.weight"))
            m_outWeight = t;
        else if (p.suffix == QLatin1String("out_proj.bias"))
            m_outBias = t;
    }
    eval();
}

at::Tensor LayerModule::forward(const std::vector<at::Tensor> &inputs) const
{
    const core::LayerAttributes &a = m_layer.attributes;
    if (m_layer.op == core::OpKind::Parameter)
        return a.batchDim ? m_weight : m_weight.unsqueeze(0);
    if (core::isArithmetic(m_layer.op))
        return arithmetic(m_layer.op, a, inputs);
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
    case core::OpKind::Concat:
        return at::cat(inputs, a.dim + 1);
    case core::OpKind::Softmax:
        return at::softmax(x, a.dim + 1);
    case core::OpKind::LayerNorm:
        return at::layer_norm(x, dims(core::TensorShape{a.shape}), m_weight, m_bias, a.eps,
                              at::globalContext().userEnabledCuDNN());
    case core::OpKind::Silu:
        return at::silu(x);
    case core::OpKind::Sigmoid:
        return at::sigmoid(x);
    case core::OpKind::Tanh:
        return at::tanh(x);
    case core::OpKind::Hardswish:
        return at::hardswish(x);
    case core::OpKind::Hardsigmoid:
        return at::hardsigmoid(x);
    case core::OpKind::Gelu:
        return at::gelu(x, a.geluTanh ? "tanh" : "none");
    case core::OpKind::Mean:
        return at::mean(x, torchDims(a.dims), a.keepDim);
    case core::OpKind::Reshape:
        return x.reshape(batched(a.shape));
    case core::OpKind::Permute: {
        std::vector<int64_t> order{0};
        const std::vector<int64_t> rest = torchDims(a.dims);
        order.insert(order.end(), rest.begin(), rest.end());
        return x.permute(order);
    }
    case core::OpKind::Slice:
        return x.slice(a.dim + 1, a.start, a.end, a.step);
    case core::OpKind::Select:
        return x.select(a.dim + 1, a.index);
    case core::OpKind::Matmul:
        return at::matmul(inputs[0], inputs[1]);
    case core::OpKind::MultiheadAttention: {
        // nn.MultiheadAttention(batch_first=True)(x, x, x, need_weights=False) in eval mode without autograd: its fast
        // path, which PyTorch 1.13 takes for an even number of heads only; the general one (sequence first) else
        if (a.numHeads % 2 == 0)
            return std::get<0>(at::_native_multi_head_attention(x, x, x, a.embedDim, a.numHeads, m_weight, m_bias,
                                                                m_outWeight, m_outBias, c10::nullopt,
                                                                /*need_weights=*/false));
        const at::Tensor q = x.transpose(0, 1);
        return std::get<0>(torch::nn::functional::detail::multi_head_attention_forward(
                               q, q, q, a.embedDim, a.numHeads, m_weight, m_bias, {}, {}, false, 0.0, m_outWeight,
                               m_outBias, /*training=*/false, {}, /*need_weights=*/false))
            .transpose(0, 1);
    }
    default:
        break;
    }
    TORCH_CHECK(false, "layer '", m_layer.name.toStdString(), "': op ", core::opName(m_layer.op).toStdString(),
                " has no forward");
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
