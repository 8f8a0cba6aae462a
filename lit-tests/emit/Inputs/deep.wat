;; 300 nested blocks, ifs and loops: deeper than clang's brace-nesting limit
;; (256), so the emitter switches to labels and gotos past depth 200.
(module (func (export "deep") (param i32) (result i32) (local i32)
 (block $b0
 (block $b1
 (block $b2
 (block $b3
 (block $b4
 (block $b5
 (block $b6
 (block $b7
 (block $b8
 (block $b9
 (block $b10
 (block $b11
 (block $b12
 (block $b13
 (block $b14
 (block $b15
 (block $b16
 (block $b17
 (block $b18
 (block $b19
 (block $b20
 (block $b21
 (block $b22
 (block $b23
 (block $b24
 (block $b25
 (block $b26
 (block $b27
 (block $b28
 (block $b29
 (block $b30
 (block $b31
 (block $b32
 (block $b33
 (block $b34
 (block $b35
 (block $b36
 (block $b37
 (block $b38
 (block $b39
 (block $b40
 (block $b41
 (block $b42
 (block $b43
 (block $b44
 (block $b45
 (block $b46
 (block $b47
 (block $b48
 (block $b49
 (block $b50
 (block $b51
 (block $b52
 (block $b53
 (block $b54
 (block $b55
 (block $b56
 (block $b57
 (block $b58
 (block $b59
 (block $b60
 (block $b61
 (block $b62
 (block $b63
 (block $b64
 (block $b65
 (block $b66
 (block $b67
 (block $b68
 (block $b69
 (block $b70
 (block $b71
 (block $b72
 (block $b73
 (block $b74
 (block $b75
 (block $b76
 (block $b77
 (block $b78
 (block $b79
 (block $b80
 (block $b81
 (block $b82
 (block $b83
 (block $b84
 (block $b85
 (block $b86
 (block $b87
 (block $b88
 (block $b89
 (block $b90
 (block $b91
 (block $b92
 (block $b93
 (block $b94
 (block $b95
 (block $b96
 (block $b97
 (block $b98
 (block $b99
 (block $b100
 (block $b101
 (block $b102
 (block $b103
 (block $b104
 (block $b105
 (block $b106
 (block $b107
 (block $b108
 (block $b109
 (block $b110
 (block $b111
 (block $b112
 (block $b113
 (block $b114
 (block $b115
 (block $b116
 (block $b117
 (block $b118
 (block $b119
 (block $b120
 (block $b121
 (block $b122
 (block $b123
 (block $b124
 (block $b125
 (block $b126
 (block $b127
 (block $b128
 (block $b129
 (block $b130
 (block $b131
 (block $b132
 (block $b133
 (block $b134
 (block $b135
 (block $b136
 (block $b137
 (block $b138
 (block $b139
 (block $b140
 (block $b141
 (block $b142
 (block $b143
 (block $b144
 (block $b145
 (block $b146
 (block $b147
 (block $b148
 (block $b149
 (block $b150
 (block $b151
 (block $b152
 (block $b153
 (block $b154
 (block $b155
 (block $b156
 (block $b157
 (block $b158
 (block $b159
 (block $b160
 (block $b161
 (block $b162
 (block $b163
 (block $b164
 (block $b165
 (block $b166
 (block $b167
 (block $b168
 (block $b169
 (block $b170
 (block $b171
 (block $b172
 (block $b173
 (block $b174
 (block $b175
 (block $b176
 (block $b177
 (block $b178
 (block $b179
 (block $b180
 (block $b181
 (block $b182
 (block $b183
 (block $b184
 (block $b185
 (block $b186
 (block $b187
 (block $b188
 (block $b189
 (block $b190
 (block $b191
 (block $b192
 (block $b193
 (block $b194
 (block $b195
 (block $b196
 (block $b197
 (block $b198
 (block $b199
 (block $b200
 (block $b201
 (block $b202
 (block $b203
 (block $b204
 (block $b205
 (block $b206
 (block $b207
 (block $b208
 (block $b209
 (block $b210
 (block $b211
 (block $b212
 (block $b213
 (block $b214
 (block $b215
 (block $b216
 (block $b217
 (block $b218
 (block $b219
 (block $b220
 (block $b221
 (block $b222
 (block $b223
 (block $b224
 (block $b225
 (block $b226
 (block $b227
 (block $b228
 (block $b229
 (block $b230
 (block $b231
 (block $b232
 (block $b233
 (block $b234
 (block $b235
 (block $b236
 (block $b237
 (block $b238
 (block $b239
 (block $b240
 (block $b241
 (block $b242
 (block $b243
 (block $b244
 (block $b245
 (block $b246
 (block $b247
 (block $b248
 (block $b249
 (block $b250
 (block $b251
 (block $b252
 (block $b253
 (block $b254
 (block $b255
 (block $b256
 (block $b257
 (block $b258
 (block $b259
 (block $b260
 (block $b261
 (block $b262
 (block $b263
 (block $b264
 (block $b265
 (block $b266
 (block $b267
 (block $b268
 (block $b269
 (block $b270
 (block $b271
 (block $b272
 (block $b273
 (block $b274
 (block $b275
 (block $b276
 (block $b277
 (block $b278
 (block $b279
 (block $b280
 (block $b281
 (block $b282
 (block $b283
 (block $b284
 (block $b285
 (block $b286
 (block $b287
 (block $b288
 (block $b289
 (block $b290
 (block $b291
 (block $b292
 (block $b293
 (block $b294
 (block $b295
 (block $b296
 (block $b297
 (block $b298
 (block $b299
 (br_table $b0 $b37 $b74 $b111 $b148 $b185 $b222 $b259 $b296 (local.get 0))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 ) (local.set 1 (i32.add (local.get 1) (i32.const 1)))
 (local.get 1))
 (func (export "ifs") (param i32) (result i32)
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 7)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 1)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 2)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 3)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 4)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 5)) (then
 (if (result i32) (i32.and (local.get 0) (i32.const 6)) (then
 (i32.const 1000)) (else (i32.const 0)))) (else (i32.const 1)))) (else (i32.const 2)))) (else (i32.const 3)))) (else (i32.const 4)))) (else (i32.const 5)))) (else (i32.const 6)))) (else (i32.const 7)))) (else (i32.const 8)))) (else (i32.const 9)))) (else (i32.const 10)))) (else (i32.const 11)))) (else (i32.const 12)))) (else (i32.const 13)))) (else (i32.const 14)))) (else (i32.const 15)))) (else (i32.const 16)))) (else (i32.const 17)))) (else (i32.const 18)))) (else (i32.const 19)))) (else (i32.const 20)))) (else (i32.const 21)))) (else (i32.const 22)))) (else (i32.const 23)))) (else (i32.const 24)))) (else (i32.const 25)))) (else (i32.const 26)))) (else (i32.const 27)))) (else (i32.const 28)))) (else (i32.const 29)))) (else (i32.const 30)))) (else (i32.const 31)))) (else (i32.const 32)))) (else (i32.const 33)))) (else (i32.const 34)))) (else (i32.const 35)))) (else (i32.const 36)))) (else (i32.const 37)))) (else (i32.const 38)))) (else (i32.const 39)))) (else (i32.const 40)))) (else (i32.const 41)))) (else (i32.const 42)))) (else (i32.const 43)))) (else (i32.const 44)))) (else (i32.const 45)))) (else (i32.const 46)))) (else (i32.const 47)))) (else (i32.const 48)))) (else (i32.const 49)))) (else (i32.const 50)))) (else (i32.const 51)))) (else (i32.const 52)))) (else (i32.const 53)))) (else (i32.const 54)))) (else (i32.const 55)))) (else (i32.const 56)))) (else (i32.const 57)))) (else (i32.const 58)))) (else (i32.const 59)))) (else (i32.const 60)))) (else (i32.const 61)))) (else (i32.const 62)))) (else (i32.const 63)))) (else (i32.const 64)))) (else (i32.const 65)))) (else (i32.const 66)))) (else (i32.const 67)))) (else (i32.const 68)))) (else (i32.const 69)))) (else (i32.const 70)))) (else (i32.const 71)))) (else (i32.const 72)))) (else (i32.const 73)))) (else (i32.const 74)))) (else (i32.const 75)))) (else (i32.const 76)))) (else (i32.const 77)))) (else (i32.const 78)))) (else (i32.const 79)))) (else (i32.const 80)))) (else (i32.const 81)))) (else (i32.const 82)))) (else (i32.const 83)))) (else (i32.const 84)))) (else (i32.const 85)))) (else (i32.const 86)))) (else (i32.const 87)))) (else (i32.const 88)))) (else (i32.const 89)))) (else (i32.const 90)))) (else (i32.const 91)))) (else (i32.const 92)))) (else (i32.const 93)))) (else (i32.const 94)))) (else (i32.const 95)))) (else (i32.const 96)))) (else (i32.const 97)))) (else (i32.const 98)))) (else (i32.const 99)))) (else (i32.const 100)))) (else (i32.const 101)))) (else (i32.const 102)))) (else (i32.const 103)))) (else (i32.const 104)))) (else (i32.const 105)))) (else (i32.const 106)))) (else (i32.const 107)))) (else (i32.const 108)))) (else (i32.const 109)))) (else (i32.const 110)))) (else (i32.const 111)))) (else (i32.const 112)))) (else (i32.const 113)))) (else (i32.const 114)))) (else (i32.const 115)))) (else (i32.const 116)))) (else (i32.const 117)))) (else (i32.const 118)))) (else (i32.const 119)))) (else (i32.const 120)))) (else (i32.const 121)))) (else (i32.const 122)))) (else (i32.const 123)))) (else (i32.const 124)))) (else (i32.const 125)))) (else (i32.const 126)))) (else (i32.const 127)))) (else (i32.const 128)))) (else (i32.const 129)))) (else (i32.const 130)))) (else (i32.const 131)))) (else (i32.const 132)))) (else (i32.const 133)))) (else (i32.const 134)))) (else (i32.const 135)))) (else (i32.const 136)))) (else (i32.const 137)))) (else (i32.const 138)))) (else (i32.const 139)))) (else (i32.const 140)))) (else (i32.const 141)))) (else (i32.const 142)))) (else (i32.const 143)))) (else (i32.const 144)))) (else (i32.const 145)))) (else (i32.const 146)))) (else (i32.const 147)))) (else (i32.const 148)))) (else (i32.const 149)))) (else (i32.const 150)))) (else (i32.const 151)))) (else (i32.const 152)))) (else (i32.const 153)))) (else (i32.const 154)))) (else (i32.const 155)))) (else (i32.const 156)))) (else (i32.const 157)))) (else (i32.const 158)))) (else (i32.const 159)))) (else (i32.const 160)))) (else (i32.const 161)))) (else (i32.const 162)))) (else (i32.const 163)))) (else (i32.const 164)))) (else (i32.const 165)))) (else (i32.const 166)))) (else (i32.const 167)))) (else (i32.const 168)))) (else (i32.const 169)))) (else (i32.const 170)))) (else (i32.const 171)))) (else (i32.const 172)))) (else (i32.const 173)))) (else (i32.const 174)))) (else (i32.const 175)))) (else (i32.const 176)))) (else (i32.const 177)))) (else (i32.const 178)))) (else (i32.const 179)))) (else (i32.const 180)))) (else (i32.const 181)))) (else (i32.const 182)))) (else (i32.const 183)))) (else (i32.const 184)))) (else (i32.const 185)))) (else (i32.const 186)))) (else (i32.const 187)))) (else (i32.const 188)))) (else (i32.const 189)))) (else (i32.const 190)))) (else (i32.const 191)))) (else (i32.const 192)))) (else (i32.const 193)))) (else (i32.const 194)))) (else (i32.const 195)))) (else (i32.const 196)))) (else (i32.const 197)))) (else (i32.const 198)))) (else (i32.const 199)))) (else (i32.const 200)))) (else (i32.const 201)))) (else (i32.const 202)))) (else (i32.const 203)))) (else (i32.const 204)))) (else (i32.const 205)))) (else (i32.const 206)))) (else (i32.const 207)))) (else (i32.const 208)))) (else (i32.const 209)))) (else (i32.const 210)))) (else (i32.const 211)))) (else (i32.const 212)))) (else (i32.const 213)))) (else (i32.const 214)))) (else (i32.const 215)))) (else (i32.const 216)))) (else (i32.const 217)))) (else (i32.const 218)))) (else (i32.const 219)))) (else (i32.const 220)))) (else (i32.const 221)))) (else (i32.const 222)))) (else (i32.const 223)))) (else (i32.const 224)))) (else (i32.const 225)))) (else (i32.const 226)))) (else (i32.const 227)))) (else (i32.const 228)))) (else (i32.const 229)))) (else (i32.const 230)))) (else (i32.const 231)))) (else (i32.const 232)))) (else (i32.const 233)))) (else (i32.const 234)))) (else (i32.const 235)))) (else (i32.const 236)))) (else (i32.const 237)))) (else (i32.const 238)))) (else (i32.const 239)))) (else (i32.const 240)))) (else (i32.const 241)))) (else (i32.const 242)))) (else (i32.const 243)))) (else (i32.const 244)))) (else (i32.const 245)))) (else (i32.const 246)))) (else (i32.const 247)))) (else (i32.const 248)))) (else (i32.const 249)))) (else (i32.const 250)))) (else (i32.const 251)))) (else (i32.const 252)))) (else (i32.const 253)))) (else (i32.const 254)))) (else (i32.const 255)))) (else (i32.const 256)))) (else (i32.const 257)))) (else (i32.const 258)))) (else (i32.const 259)))) (else (i32.const 260)))) (else (i32.const 261)))) (else (i32.const 262)))) (else (i32.const 263)))) (else (i32.const 264)))) (else (i32.const 265)))) (else (i32.const 266)))) (else (i32.const 267)))) (else (i32.const 268)))) (else (i32.const 269)))) (else (i32.const 270)))) (else (i32.const 271)))) (else (i32.const 272)))) (else (i32.const 273)))) (else (i32.const 274)))) (else (i32.const 275)))) (else (i32.const 276)))) (else (i32.const 277)))) (else (i32.const 278)))) (else (i32.const 279)))) (else (i32.const 280)))) (else (i32.const 281)))) (else (i32.const 282)))) (else (i32.const 283)))) (else (i32.const 284)))) (else (i32.const 285)))) (else (i32.const 286)))) (else (i32.const 287)))) (else (i32.const 288)))) (else (i32.const 289)))) (else (i32.const 290)))) (else (i32.const 291)))) (else (i32.const 292)))) (else (i32.const 293)))) (else (i32.const 294)))) (else (i32.const 295)))) (else (i32.const 296)))) (else (i32.const 297)))) (else (i32.const 298)))) (else (i32.const 299))))
 (func (export "loops") (param i32) (result i32)
 (loop $l0
 (loop $l1
 (loop $l2
 (loop $l3
 (loop $l4
 (loop $l5
 (loop $l6
 (loop $l7
 (loop $l8
 (loop $l9
 (loop $l10
 (loop $l11
 (loop $l12
 (loop $l13
 (loop $l14
 (loop $l15
 (loop $l16
 (loop $l17
 (loop $l18
 (loop $l19
 (loop $l20
 (loop $l21
 (loop $l22
 (loop $l23
 (loop $l24
 (loop $l25
 (loop $l26
 (loop $l27
 (loop $l28
 (loop $l29
 (loop $l30
 (loop $l31
 (loop $l32
 (loop $l33
 (loop $l34
 (loop $l35
 (loop $l36
 (loop $l37
 (loop $l38
 (loop $l39
 (loop $l40
 (loop $l41
 (loop $l42
 (loop $l43
 (loop $l44
 (loop $l45
 (loop $l46
 (loop $l47
 (loop $l48
 (loop $l49
 (loop $l50
 (loop $l51
 (loop $l52
 (loop $l53
 (loop $l54
 (loop $l55
 (loop $l56
 (loop $l57
 (loop $l58
 (loop $l59
 (loop $l60
 (loop $l61
 (loop $l62
 (loop $l63
 (loop $l64
 (loop $l65
 (loop $l66
 (loop $l67
 (loop $l68
 (loop $l69
 (loop $l70
 (loop $l71
 (loop $l72
 (loop $l73
 (loop $l74
 (loop $l75
 (loop $l76
 (loop $l77
 (loop $l78
 (loop $l79
 (loop $l80
 (loop $l81
 (loop $l82
 (loop $l83
 (loop $l84
 (loop $l85
 (loop $l86
 (loop $l87
 (loop $l88
 (loop $l89
 (loop $l90
 (loop $l91
 (loop $l92
 (loop $l93
 (loop $l94
 (loop $l95
 (loop $l96
 (loop $l97
 (loop $l98
 (loop $l99
 (loop $l100
 (loop $l101
 (loop $l102
 (loop $l103
 (loop $l104
 (loop $l105
 (loop $l106
 (loop $l107
 (loop $l108
 (loop $l109
 (loop $l110
 (loop $l111
 (loop $l112
 (loop $l113
 (loop $l114
 (loop $l115
 (loop $l116
 (loop $l117
 (loop $l118
 (loop $l119
 (loop $l120
 (loop $l121
 (loop $l122
 (loop $l123
 (loop $l124
 (loop $l125
 (loop $l126
 (loop $l127
 (loop $l128
 (loop $l129
 (loop $l130
 (loop $l131
 (loop $l132
 (loop $l133
 (loop $l134
 (loop $l135
 (loop $l136
 (loop $l137
 (loop $l138
 (loop $l139
 (loop $l140
 (loop $l141
 (loop $l142
 (loop $l143
 (loop $l144
 (loop $l145
 (loop $l146
 (loop $l147
 (loop $l148
 (loop $l149
 (loop $l150
 (loop $l151
 (loop $l152
 (loop $l153
 (loop $l154
 (loop $l155
 (loop $l156
 (loop $l157
 (loop $l158
 (loop $l159
 (loop $l160
 (loop $l161
 (loop $l162
 (loop $l163
 (loop $l164
 (loop $l165
 (loop $l166
 (loop $l167
 (loop $l168
 (loop $l169
 (loop $l170
 (loop $l171
 (loop $l172
 (loop $l173
 (loop $l174
 (loop $l175
 (loop $l176
 (loop $l177
 (loop $l178
 (loop $l179
 (loop $l180
 (loop $l181
 (loop $l182
 (loop $l183
 (loop $l184
 (loop $l185
 (loop $l186
 (loop $l187
 (loop $l188
 (loop $l189
 (loop $l190
 (loop $l191
 (loop $l192
 (loop $l193
 (loop $l194
 (loop $l195
 (loop $l196
 (loop $l197
 (loop $l198
 (loop $l199
 (loop $l200
 (loop $l201
 (loop $l202
 (loop $l203
 (loop $l204
 (loop $l205
 (loop $l206
 (loop $l207
 (loop $l208
 (loop $l209
 (loop $l210
 (loop $l211
 (loop $l212
 (loop $l213
 (loop $l214
 (loop $l215
 (loop $l216
 (loop $l217
 (loop $l218
 (loop $l219
 (loop $l220
 (loop $l221
 (loop $l222
 (loop $l223
 (loop $l224
 (loop $l225
 (loop $l226
 (loop $l227
 (loop $l228
 (loop $l229
 (loop $l230
 (loop $l231
 (loop $l232
 (loop $l233
 (loop $l234
 (loop $l235
 (loop $l236
 (loop $l237
 (loop $l238
 (loop $l239
 (loop $l240
 (loop $l241
 (loop $l242
 (loop $l243
 (loop $l244
 (loop $l245
 (loop $l246
 (loop $l247
 (loop $l248
 (loop $l249
 (loop $l250
 (loop $l251
 (loop $l252
 (loop $l253
 (loop $l254
 (loop $l255
 (loop $l256
 (loop $l257
 (loop $l258
 (loop $l259
 (loop $l260
 (loop $l261
 (loop $l262
 (loop $l263
 (loop $l264
 (loop $l265
 (loop $l266
 (loop $l267
 (loop $l268
 (loop $l269
 (loop $l270
 (loop $l271
 (loop $l272
 (loop $l273
 (loop $l274
 (loop $l275
 (loop $l276
 (loop $l277
 (loop $l278
 (loop $l279
 (loop $l280
 (loop $l281
 (loop $l282
 (loop $l283
 (loop $l284
 (loop $l285
 (loop $l286
 (loop $l287
 (loop $l288
 (loop $l289
 (loop $l290
 (loop $l291
 (loop $l292
 (loop $l293
 (loop $l294
 (loop $l295
 (loop $l296
 (loop $l297
 (loop $l298
 (loop $l299
 (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
 (br_if $l150 (i32.gt_s (local.get 0) (i32.const 0)))
 ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) ) (local.get 0)))
