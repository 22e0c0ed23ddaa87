from django.contrib.auth import authenticate, login, update_session_auth_hash
from rest_framework import status
from rest_framework.authtoken.models import Token
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from .serializers import ChangePasswordSerializer, LoginSerializer


@api_view(["POST"])
@permission_classes([AllowAny])
def obtain_token(request):
    serializer = LoginSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    user = authenticate(
        request,
        username=serializer.validated_data["email"],
        password=serializer.validated_data["password"],
    )
    if user is None:
        return Response({"detail": "Invalid credentials"}, status=status.HTTP_401_UNAUTHORIZED)
    token, _ = Token.objects.get_or_create(user=user)
    return Response({"token": token.key})


@api_view(["POST"])
@permission_classes([IsAuthenticated])
def change_password(request):
    serializer = ChangePasswordSerializer(data=request.data, context={"request": request})
    serializer.is_valid(raise_exception=True)
    password = serializer.validated_data["new_password"]
    request.user.set_password(password)
    request.user.save()
    update_session_auth_hash(request, request.user)
    return Response(status=status.HTTP_204_NO_CONTENT)
