exports.conn_concur_incr = async function (next, connection) {
  if (!this.db) return next()
  if (!this.cfg.concurrency) return next()

  const dbkey = this.get_concurrency_key(connection)

  try {
    const count = await this.db.incr(dbkey)

    if (isNaN(count)) {
      connection.results.add(this, { err: 'conn_concur_incr got isNaN' })
      return next()
    }

    connection.results.add(this, { concurrent_count: count })

    // repair negative concurrency counters
    if (count < 1) {
      connection.results.add(this, {
        msg: `resetting concurrent ${count} to 1`,
      })
      this.db.set(dbkey, 1)
    }

    this.db.expire(dbkey, 3 * 60) // 3 minute lifetime
  } catch (err) {
    connection.results.add(this, { err: `conn_concur_incr:${err}` })
  }
  next()
}

exports.get_concurrency_key = function (connection) {
  return `concurrency|${connection.remote.ip}`
}

exports.check_concurrency = function (next, connection) {
  const max = this.get_limit('concurrency', connection)
  if (!max || isNaN(max)) {
    connection.results.add(this, { err: 'concurrency: no limit?!' })
    return next()
  }

  const count = parseInt(connection.results.get(this.name).concurrent_count)
  if (isNaN(count)) {
    connection.results.add(this, { err: 'concurrent.unset' })
    return next()
  }

  connection.results.add(this, { concurrent: `${count}/${max}` })

  if (count <= max) return next()

  connection.results.add(this, { fail: 'concurrency.max' })

  this.penalize(connection, true, 'Too many concurrent connections', next)
}

exports.penalize = function (connection, disconnect, msg, next) {
  const code = disconnect ? constants.DENYSOFTDISCONNECT : constants.DENYSOFT

  if (!this.cfg.main.tarpit_delay) return next(code, msg)

  const delay = this.cfg.main.tarpit_delay
  connection.loginfo(this, `tarpitting for ${delay}s`)

  setTimeout(() => {
    if (!connection) return
    next(code, msg)
  }, delay * 1000)
}

exports.conn_concur_decr = async function (next, connection) {
  if (!this.db) return next()
  if (!this.cfg.concurrency) return next()

  try {
    const dbkey = this.get_concurrency_key(connection)
    await this.db.incrBy(dbkey, -1)
  } catch (err) {
    connection.results.add(this, { err: `conn_concur_decr:${err}` })
  }
  next()
}
