<?php

namespace Illuminate\Tests\Cache;

use Illuminate\Cache\RedisStore;
use Illuminate\Contracts\Redis\Factory;
use Illuminate\Redis\Connections\PhpRedisConnection;
use Mockery;
use PHPUnit\Framework\Attributes\RequiresPhpExtension;
use PHPUnit\Framework\TestCase;

class CacheRedisStoreTest extends TestCase
{
    public function testGetReturnsNullWhenNotFound()
    {
        $redis = $this->getRedis();
        $redis->getRedis()->expects('connection')->with('default')->andReturn($redis->getRedis());
        $redis->getRedis()->expects('get')->with('prefix:foo')->andReturn(null);
        $this->assertNull($redis->get('foo'));
    }

    public function testRedisValueIsReturned()
    {
        $redis = $this->getRedis();
        $redis->getRedis()->expects('connection')->with('default')->andReturn($redis->getRedis());
        $redis->getRedis()->expects('get')->with('prefix:foo')->andReturn(serialize('foo'));
        $this->assertSame('foo', $redis->get('foo'));
    }

    public function testRedisMultipleValuesAreReturned()
    {
        $redis = $this->getRedis();
        $redis->getRedis()->expects('connection')->with('default')->andReturn($redis->getRedis());
        $redis->getRedis()->expects('mget')->with(['prefix:foo', 'prefix:fizz', 'prefix:norf', 'prefix:null'])
            ->andReturn([
                serialize('bar'),
                serialize('buzz'),
                serialize('quz'),
                null,
            ]);

        $results = $redis->many(['foo', 'fizz', 'norf', 'null']);

        $this->assertSame('bar', $results['foo']);
        $this->assertSame('buzz', $results['fizz']);
        $this->assertSame('quz', $results['norf']);
        $this->assertNull($results['null']);
    }

    public function testRedisValueIsReturnedForNumerics()
    {
        $redis = $this->getRedis();
        $redis->getRedis()->expects('connection')->with('default')->andReturn($redis->getRedis());
        $redis->getRedis()->expects('get')->with('prefix:foo')->andReturn(1);
        $this->assertEquals(1, $redis->get('foo'));
    }

    public function testSetMethodProperlyCallsRedis()
    {
        $redis = $this->getRedis();
        $redis->getRedis()->expects('connection')->with('default')->andReturn($redis->getRedis());
        $redis->getRedis()->expects('setex')->with('prefix:foo', 60, serialize('foo'))->andReturn('OK');
        $result = $redis->put('foo', 'foo', 60);
        $this->assertTrue($result);
    }

    public function testSetMultipleMethodProperlyCallsRedis()
    {
        $redis = $this->getRedis();
        /** @var Mockery\MockInterface $connection */
        $connection = $redis->getRedis();
        $connection->expects('connection')->with('default')->andReturn($redis->getRedis());
        $connection->expects('multi');
        $redis->getRedis()->expects('setex')->with('prefix:foo', 60, serialize('bar'))->andReturn('OK');
        $redis->getRedis()->expects('setex')->with('prefix:baz', 60, serialize('qux'))->andReturn('OK');
        $redis->getRedis()->expects('setex')->with('prefix:bar', 60, serialize('norf'))->andReturn('OK');
        $connection->expects('exec');

        $result = $redis->putMany([
            'foo' => 'bar',
            'baz' => 'qux',
            'bar' => 'norf',
        ], 60);
        $this->assertTrue($result);
    }

    public function testSetMethodProperlyCallsRedisForNumerics()
    {
        $redis = $this->getRedis();
        $redis->getRedis()->expects('connection')->with('default')->andReturn($redis->getRedis());
