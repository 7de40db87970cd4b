import { Injectable } from '@nestjs/common';
import { db } from '@webchat-backend/db';
import { redis } from '@webchat-backend/redis';
import { VerifyJWT, CreateJWT } from '@webchat-backend/jwt';
import { ComparePassword, HashPassword } from '@webchat-backend/hash';
import { TokenType, OTPSessionType } from 'src/app.types';
import { UtilService } from 'src/util/util.service';
@Injectable()
export class AuthService {
  constructor(private readonly util: UtilService) {}
  private async create({ email, password, loginType }) {
    try {
      const hashedPassword = await HashPassword(password);
      const auth = await db.auth.create({
        data: {
          email,
          password: hashedPassword,
          isVerified: false,
          loginType,
        },
      });
      return auth;
    } catch (err) {
      return null;
    }
  }

  private async sendOTP({ email }: { email: string }) {
    try {
      const otp = 1234;
      await redis.set('otp-session-' + email, JSON.stringify({ email, otp }));
      if (process.env.NODE_ENV === 'development')
        console.log(`[OTP] ${email}:${otp}`);
      return true;
    } catch (err) {
      return false;
    }
  }

  private async verifyOTP({ otp, email }: { email: string; otp: string }) {
    const session = JSON.parse(
      (await redis.get('otp-session-' + email)) || '{}',
    ) as OTPSessionType | null;
    if (session === null) return { status: false, message: 'Session expired' };
    const { otp: _otp } = session;
    if (_otp != otp) return { status: false, message: "OTP didn't matched" };
    return { status: true, message: 'OTP verified' };
  }

  private async verifyUser({ otp, email }: { otp: string; email: string }) {
    try {
      const { status, message } = await this.verifyOTP({ otp, email });
      if (!status) return { status: 400, message };
      const user = await this.util.existAuth({ email });
      if (user == null) return { status: 400, message: "User doesn't exist" };
      await db.auth.update({
        data: {
          isVerified: true,
        },
        where: {
