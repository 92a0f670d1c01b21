
module.exports = { ...require('./model'), offset: require('./tensors').bias };
